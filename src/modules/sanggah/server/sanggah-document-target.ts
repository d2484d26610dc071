import "server-only";
import type { DocumentKind } from "@/generated/prisma/enums";
import { hasRole, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkDocumentAttach } from "../domain/filing-rules";
import { throwUnlessOk } from "./sanggah-context";

/**
 * Documents of a sanggah or banding (evidence, the bond): kind LAINNYA, attached by a
 * PENYEDIA user of the filing vendor while the objection could still be filed and is not
 * yet answered. Stored with the tender and the vendor, so the agency's staff (Pokja,
 * PA/KPA) and the vendor may read them, and nobody else.
 */
export async function authorizeSanggahDocument(actor: Actor, sanggahId: string, kind: DocumentKind) {
  const sanggah = await db.sanggah.findUnique({
    where: { id: sanggahId },
    select: {
      id: true,
      kind: true,
      vendorId: true,
      tenderId: true,
      answeredAt: true,
      appealOfId: true,
      tender: {
        select: { announcedAt: true, procedure: true, paket: { select: { agency: { select: { timeZone: true } } } } },
      },
    },
  });
  if (!sanggah || !hasRole(actor, "PENYEDIA") || actor.vendorId !== sanggah.vendorId) throw new AppError("NOT_FOUND");
  if (kind !== "LAINNYA") throw new AppError("VALIDATION", "documentKindNotAllowed");
  const appealed = sanggah.appealOfId
    ? await db.sanggah.findUnique({ where: { id: sanggah.appealOfId }, select: { answeredAt: true } })
    : null;
  const check = checkDocumentAttach(
    { kind: sanggah.kind, answeredAt: sanggah.answeredAt, appealedAnsweredAt: appealed?.answeredAt ?? null },
    sanggah.tender.announcedAt,
    sanggah.tender.procedure,
    await dbNow(),
  );
  throwUnlessOk(check, sanggah.tender.paket.agency.timeZone);
  return { sanggahId: sanggah.id, tenderId: sanggah.tenderId, vendorId: sanggah.vendorId };
}
