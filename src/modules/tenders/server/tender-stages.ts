import "server-only";
import type { StageKind } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";

/** The procedure's stages as stored in ProcedureConfig.stages (JSON). */
export function procedureStages(json: unknown): { kind: StageKind; days: number }[] {
  return json as { kind: StageKind; days: number }[];
}

/** A tender's schedule in order. */
export function loadStages(tx: Tx, tenderId: string) {
  return tx.tenderStage.findMany({
    where: { tenderId },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, position: true, startsAt: true, endsAt: true },
  });
}
