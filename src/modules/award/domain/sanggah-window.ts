import type { StageKind } from "@/modules/tenders/domain";
import { addDays, answerDeadline, filingWindow } from "@/modules/sanggah/domain";

export interface StageRow {
  id: string;
  kind: StageKind;
  startsAt: Date;
  endsAt: Date;
}

export interface SanggahConfig {
  sanggahDays: number;
  sanggahAnswerDays: number;
  hasSanggahBanding: boolean;
  bandingDays: number;
}

/**
 * The schedule after the winner is announced at `announcedAt` (stages in position order):
 * - masa sanggah runs from the announcement for sanggahDays calendar days (Perpres
 *   16/2018 jo. 12/2021 Pasal 50; Perlem LKPP 12/2021: 5 days);
 * - sanggah banding (construction only) follows the Pokja's answer period
 *   (sanggahAnswerDays after the sanggah ends) for bandingDays calendar days;
 * - stages before masa sanggah that were still running end at the announcement;
 * - later stages keep their length and move later only as far as needed not to overlap.
 * Returns only the rows that changed, with their new windows.
 */
export function scheduleAfterAnnouncement(
  stages: readonly StageRow[],
  announcedAt: Date,
  config: SanggahConfig,
): StageRow[] {
  const sanggahIndex = stages.findIndex((s) => s.kind === "MASA_SANGGAH");
  if (sanggahIndex < 0) return [];
  // the windows themselves are the sanggah module's rules; this only lays them on the schedule
  const sanggahEnd = filingWindow(announcedAt, config).end;
  const next: StageRow[] = stages.map((s, i) => {
    if (i === sanggahIndex) return { ...s, startsAt: announcedAt, endsAt: sanggahEnd };
    if (i < sanggahIndex && s.endsAt > announcedAt)
      return { ...s, startsAt: s.startsAt < announcedAt ? s.startsAt : announcedAt, endsAt: announcedAt };
    if (s.kind === "SANGGAH_BANDING" && config.hasSanggahBanding) {
      const start = answerDeadline(announcedAt, config);
      return { ...s, startsAt: start, endsAt: addDays(start, config.bandingDays) };
    }
    return { ...s };
  });
  for (let i = sanggahIndex + 1; i < next.length; i++) {
    const previousEnd = next[i - 1]!.endsAt;
    const stage = next[i]!;
    if (stage.startsAt < previousEnd) {
      const shift = previousEnd.getTime() - stage.startsAt.getTime();
      next[i] = { ...stage, startsAt: previousEnd, endsAt: new Date(stage.endsAt.getTime() + shift) };
    }
  }
  return next.filter(
    (s, i) =>
      s.startsAt.getTime() !== stages[i]!.startsAt.getTime() || s.endsAt.getTime() !== stages[i]!.endsAt.getTime(),
  );
}
