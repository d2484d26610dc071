import type { StageKind, StageWindow } from "@/modules/tenders/domain";

/**
 * Where `now` (the database clock) stands against a stage of the schedule: before it
 * starts, inside it (start inclusive, end exclusive, as every stage: tenders/domain
 * schedule.ts isWithin), after its end, or the schedule has no such stage.
 */
export type StagePosition = "missing" | "before" | "open" | "after";

export function stagePosition(stages: readonly StageWindow[], kind: StageKind, now: Date): StagePosition {
  const stage = stages.find((s) => s.kind === kind);
  if (!stage) return "missing";
  if (now.getTime() < stage.startsAt.getTime()) return "before";
  if (now.getTime() < stage.endsAt.getTime()) return "open";
  return "after";
}

export type SeleksiRefusal =
  | "prequalificationNotOpen"
  | "prequalificationClosed"
  | "prequalificationStillOpen"
  | "prequalificationDecisionsClosed"
  | "shortlistAlreadyAnnounced"
  | "shortlistNotAnnounced"
  | "sanggahPrakualifikasiNotOpen"
  | "sanggahPrakualifikasiClosed";

/** A firm sends or replaces its application only while the PRAKUALIFIKASI stage runs. */
export function checkApplyWindow(stages: readonly StageWindow[], now: Date): SeleksiRefusal | null {
  const at = stagePosition(stages, "PRAKUALIFIKASI", now);
  if (at === "open") return null;
  return at === "after" ? "prequalificationClosed" : "prequalificationNotOpen";
}

/**
 * The Pokja reads the forms, decides and announces only once the PRAKUALIFIKASI stage has
 * ended (no firm's form is seen while others may still send theirs), and before the
 * invitation (UNDANGAN) starts: a Pokja that needs longer moves the schedule, in public.
 */
export function checkDecisionWindow(
  stages: readonly StageWindow[],
  shortlistAnnouncedAt: Date | null,
  now: Date,
): SeleksiRefusal | null {
  const at = stagePosition(stages, "PRAKUALIFIKASI", now);
  if (at !== "after") return "prequalificationStillOpen";
  if (shortlistAnnouncedAt) return "shortlistAlreadyAnnounced";
  if (stagePosition(stages, "UNDANGAN", now) !== "before") return "prequalificationDecisionsClosed";
  return null;
}

/** The Pokja may read the forms of a round once its PRAKUALIFIKASI stage has ended. */
export const mayReadForms = (stages: readonly StageWindow[], now: Date) =>
  stagePosition(stages, "PRAKUALIFIKASI", now) === "after";

/** A sanggah prakualifikasi is filed after the shortlist's announcement, inside its own stage. */
export function checkSanggahWindow(
  stages: readonly StageWindow[],
  shortlistAnnouncedAt: Date | null,
  now: Date,
): SeleksiRefusal | null {
  if (!shortlistAnnouncedAt) return "shortlistNotAnnounced";
  const at = stagePosition(stages, "SANGGAH_PRAKUALIFIKASI", now);
  if (at === "open") return null;
  return at === "after" ? "sanggahPrakualifikasiClosed" : "sanggahPrakualifikasiNotOpen";
}
