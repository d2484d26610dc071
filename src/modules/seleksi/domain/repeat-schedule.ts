import { pushBack, type StageMove, type StageWindow } from "@/modules/tenders/domain";

/**
 * The schedule of a prakualifikasi ulang: the PRAKUALIFIKASI stage runs again from `now`
 * for as long as it ran the first time, and every later stage moves back by the same
 * amount, so each keeps its length and the gaps between them stay as announced (the one
 * push rule of tenders/domain/schedule.ts). Earlier stages (the announcement) stay as they
 * were. How long the repeat runs is the Pokja's schedule, not law: the Pokja may change it
 * afterwards like any stage.
 */
export function repeatSchedule<S extends StageWindow>(stages: readonly S[], now: Date): StageMove<S>[] {
  const prak = stages.find((s) => s.kind === "PRAKUALIFIKASI");
  if (!prak) return [];
  const shift = now.getTime() - prak.startsAt.getTime();
  return pushBack(stages, prak.startsAt, shift).filter((m) => m.stage.startsAt.getTime() >= prak.startsAt.getTime());
}
