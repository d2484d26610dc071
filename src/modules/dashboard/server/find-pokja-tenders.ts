import "server-only";
import type { StageKind, TenderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { stagesAt, summarizeStages } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { agencyScope } from "./scope";

export interface PokjaTenderRow {
  id: string;
  code: string;
  status: TenderStatus;
  paketName: string;
  pokjaName: string;
  agencyTimeZone: string;
  currentStage: StageKind | null;
  bidDeadline: Date | null;
}

/**
 * Tenders of the Pokja the actor sits on, drafts included (they are the Pokja's own work).
 * The seat must be in an agency where the actor still holds the POKJA role, so removing
 * the role takes away the tenders even if the seat row remains.
 */
export async function findPokjaTenders(actor: Actor): Promise<PokjaTenderRow[]> {
  const agencyIds = agencyScope(actor, "POKJA");
  if (agencyIds.length === 0) return [];
  const now = await dbNow();
  const rows = await db.tender.findMany({
    where: { pokja: { agencyId: { in: agencyIds }, members: { some: { userId: actor.userId } } } },
    orderBy: { updatedAt: "desc" },
    take: 50,
    select: {
      id: true,
      code: true,
      status: true,
      paket: { select: { name: true, agency: { select: { timeZone: true } } } },
      pokja: { select: { name: true } },
      stages: stagesAt(now),
    },
  });
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    status: row.status,
    paketName: row.paket.name,
    pokjaName: row.pokja?.name ?? "",
    agencyTimeZone: row.paket.agency.timeZone,
    ...summarizeStages(row.status, row.stages, now),
  }));
}
