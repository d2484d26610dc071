import type { StageKind } from "@/generated/prisma/enums";

export interface StageWindow {
  kind: StageKind;
  startsAt: Date;
  endsAt: Date;
}

/**
 * A stage is current from its start up to, but not including, its end: at the exact
 * deadline instant the upload stage is already over (a bid at 15.00.000 for a 15.00
 * deadline is late). `now` must come from the database clock, never the browser.
 */
export function isWithin(stage: StageWindow, now: Date): boolean {
  return stage.startsAt.getTime() <= now.getTime() && now.getTime() < stage.endsAt.getTime();
}

/** The current stage; if windows overlap, the one that started last is the one in force. */
export function findCurrentStage<S extends StageWindow>(stages: readonly S[], now: Date): S | null {
  let current: S | null = null;
  for (const stage of stages) {
    if (isWithin(stage, now) && (!current || stage.startsAt > current.startsAt)) current = stage;
  }
  return current;
}

/** The bid deadline: the end of the (latest) UPLOAD_PENAWARAN stage. */
export function findBidDeadline(stages: readonly StageWindow[]): Date | null {
  let deadline: Date | null = null;
  for (const stage of stages) {
    if (stage.kind === "UPLOAD_PENAWARAN" && (!deadline || stage.endsAt > deadline)) deadline = stage.endsAt;
  }
  return deadline;
}
