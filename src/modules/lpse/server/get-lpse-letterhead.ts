import "server-only";
import type { Tx } from "@/server/db";
import { logger } from "@/server/logger";
import type { PdfLetterhead } from "@/server/pdf";
import { openStored } from "@/server/storage";
import { MAX_LOGO_BYTES } from "./set-lpse-logo";

async function readLogo(storageKey: string): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of openStored(storageKey)) {
      size += (chunk as Buffer).length;
      if (size > MAX_LOGO_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } catch (error) {
    // a missing logo file leaves the letterhead without a logo; the berita acara still matters more
    logger.warn({ err: error, storageKey }, "LPSE logo not readable for a PDF");
    return null;
  }
}

/** The berita acara's letterhead from the LPSE profile: its logo, address and contact. */
export async function getLpseLetterhead(tx: Tx): Promise<PdfLetterhead> {
  const row = await tx.lpseInstance.findFirst({
    select: { address: true, contactEmail: true, phone: true, website: true, logoStorageKey: true },
    orderBy: { createdAt: "asc" },
  });
  if (!row) return { logo: null, lines: [] };
  const contact = [row.phone ? `Telp. ${row.phone}` : null, row.contactEmail, row.website].filter(Boolean).join(" · ");
  const lines = [row.address?.replace(/\s*\n\s*/g, ", "), contact].filter((l): l is string => Boolean(l));
  return { logo: row.logoStorageKey ? await readLogo(row.logoStorageKey) : null, lines };
}
