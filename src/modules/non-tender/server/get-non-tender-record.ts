import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * One non-tender record as the public sees it: with its public documents only. For the
 * agency's PPK and Pejabat Pengadaan it also says whether they may attach documents and
 * how many are still waiting to be published.
 */
export async function getNonTenderRecord(actor: Actor | null, id: string) {
  const record = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.nonTenderRecord.findUnique({
        where: { id },
        select: {
          id: true,
          agencyId: true,
          workUnitId: true,
          rupCode: true,
          name: true,
          category: true,
          kind: true,
          reason: true,
          value: true,
          vendorName: true,
          realizedOn: true,
          recordedAt: true,
          agency: { select: { name: true, timeZone: true } },
          documents: {
            where: { isPublic: true },
            orderBy: { createdAt: "asc" },
            select: { id: true, kind: true, fileName: true, sizeBytes: true, sha256: true },
          },
        },
      })
    : null;
  if (!record) throw new AppError("NOT_FOUND");
  const canManage = actor !== null && can(actor, "nonTender.record", { agencyId: record.agencyId });
  const unpublished = canManage
    ? await db.document.count({ where: { nonTenderRecordId: record.id, isPublic: false } })
    : 0;
  // Looked up on its own: NonTenderRecord.workUnitId has no relation in the schema.
  const workUnit = await db.workUnit.findUnique({ where: { id: record.workUnitId }, select: { name: true } });
  const { agencyId: _agencyId, workUnitId: _workUnitId, ...shown } = record;
  return { ...shown, workUnitName: workUnit?.name ?? null, canManage, unpublished };
}

export type NonTenderDetail = Awaited<ReturnType<typeof getNonTenderRecord>>;
