import "server-only";
import type { Tx } from "@/server/db";
import type { ProcedureStage } from "../domain/stage-minimums";

/** The procedure's stages as stored in ProcedureConfig.stages (JSON); a missing minimum is none. */
export function procedureStages(json: unknown): ProcedureStage[] {
  return (json as Partial<ProcedureStage>[]).map((s) => ({
    kind: s.kind!,
    days: s.days ?? 0,
    minHours: s.minHours ?? 0,
    basis: s.basis ?? "",
  }));
}

/** A tender's schedule in order, with the minimum each stage was given when it was set. */
export function loadStages(tx: Tx, tenderId: string) {
  return tx.tenderStage.findMany({
    where: { tenderId },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, position: true, startsAt: true, endsAt: true, minHours: true },
  });
}
