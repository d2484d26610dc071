import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { EDITABLE_STATUSES } from "./paket-write";

/**
 * One paket for the agency's own staff and auditors. The HPS breakdown is not public
 * (only its total is), so it is read here and nowhere on the public side.
 */
export async function getPaket(actor: Actor, paketId: string) {
  const paket = /^[0-9a-f-]{36}$/i.test(paketId)
    ? await db.paket.findUnique({
        where: { id: paketId },
        select: {
          id: true,
          agencyId: true,
          rupCode: true,
          name: true,
          category: true,
          fiscalYear: true,
          fundingSource: true,
          pagu: true,
          hps: true,
          method: true,
          location: true,
          status: true,
          createdAt: true,
          handedOverAt: true,
          workUnitId: true,
          agency: { select: { name: true, timeZone: true } },
          workUnit: { select: { name: true } },
          methodRule: { select: { limit: true, legalBasis: true, effectiveFrom: true } },
          hpsItems: {
            orderBy: { position: "asc" },
            select: { description: true, unit: true, quantity: true, unitPrice: true },
          },
          documents: {
            orderBy: { createdAt: "asc" },
            select: { id: true, kind: true, fileName: true, sizeBytes: true, createdAt: true },
          },
          tenders: {
            orderBy: { createdAt: "desc" },
            take: 1,
            select: { id: true, code: true, status: true, pokja: { select: { name: true } } },
          },
          pejabatPengadaan: { select: { name: true } },
        },
      })
    : null;
  if (!paket) throw new AppError("NOT_FOUND");
  const scope = { agencyId: paket.agencyId };
  if (!can(actor, "agency.readInternal", scope) && !can(actor, "report.readAll")) throw new AppError("NOT_FOUND");
  const { tenders, ...rest } = paket;
  const isEditable = (EDITABLE_STATUSES as readonly string[]).includes(paket.status);
  return {
    ...rest,
    tender: tenders[0] ?? null,
    canEdit: isEditable && can(actor, "paket.edit", scope),
    canHandOver: paket.status === "DRAFT" && can(actor, "paket.handOver", scope),
  };
}

export type PaketDetail = Awaited<ReturnType<typeof getPaket>>;
