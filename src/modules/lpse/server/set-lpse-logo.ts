import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { removeStored, storeStream } from "@/server/storage";

/** Fits under the 1 MB a server action may carry, and is plenty for a header logo: configuration, not law. */
export const MAX_LOGO_BYTES = 512 * 1024;

/**
 * PNG and JPEG only, decided by the bytes: an SVG can carry script, and the logo is shown
 * on every page, in e-mails and in PDFs (pdfkit draws PNG and JPEG).
 */
const LOGO_TYPES = new Set(["image/png", "image/jpeg"]);

/** ADMIN_LPSE replaces the LPSE's logo; the old file is removed once the new one is committed. */
export async function setLpseLogo(actor: Actor, logo: File): Promise<{ sha256: string }> {
  if (!can(actor, "lpse.manage")) throw new AppError("FORBIDDEN");
  if (logo.size === 0) throw new AppError("VALIDATION", "fileEmpty", {}, { logo: ["fileEmpty"] });
  const tooLarge = () =>
    new AppError("VALIDATION", "lpseLogoTooLarge", { maxKb: MAX_LOGO_BYTES / 1024 }, { logo: ["lpseLogoTooLarge"] });
  if (logo.size > MAX_LOGO_BYTES) throw tooLarge();
  const bytes = Buffer.from(await logo.arrayBuffer());
  if (bytes.length > MAX_LOGO_BYTES) throw tooLarge();
  const mime = (await fileTypeFromBuffer(bytes))?.mime;
  if (!mime || !LOGO_TYPES.has(mime)) throw new AppError("VALIDATION", "lpseLogoType", {}, { logo: ["lpseLogoType"] });
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  const stored = await storeStream(Readable.from([bytes]), MAX_LOGO_BYTES);
  let previousKey: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string; logoStorageKey: string | null; logoSha256: string | null }[]>`
        SELECT id, "logoStorageKey", "logoSha256" FROM "LpseInstance" ORDER BY "createdAt" ASC LIMIT 1 FOR UPDATE`;
      if (!row) throw new AppError("NOT_FOUND");
      previousKey = row.logoStorageKey;
      await tx.lpseInstance.update({
        where: { id: row.id },
        data: { logoStorageKey: stored.storageKey, logoMime: mime, logoSha256: sha256, updatedAt: await dbNow(tx) },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "lpse.profileChanged",
        entityType: "LpseInstance",
        entityId: row.id,
        data: { changes: { logo: { from: row.logoSha256, to: sha256 } }, mime, sizeBytes: bytes.length },
      });
    });
  } catch (error) {
    await removeStored(stored.storageKey).catch(() => {});
    throw error;
  }
  if (previousKey)
    await removeStored(previousKey).catch((error: unknown) =>
      logger.warn({ err: error, storageKey: previousKey }, "old LPSE logo not removed"),
    );
  return { sha256 };
}

/** The logo's bytes for its route, when `sha256` is the current logo's; null otherwise. */
export async function findLpseLogo(sha256: string): Promise<{ storageKey: string; mime: string } | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const row = await db.lpseInstance.findFirst({
    where: { logoSha256: sha256 },
    select: { logoStorageKey: true, logoMime: true },
  });
  return row?.logoStorageKey && row.logoMime ? { storageKey: row.logoStorageKey, mime: row.logoMime } : null;
}
