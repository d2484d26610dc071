/**
 * Announced maintenance windows as pure rules (docs/decisions/0040). A window runs over
 * [startsAt, end), where end is when it was ended early or else its planned end; a
 * cancelled window is no window.
 */
export interface MaintenancePeriod {
  startsAt: Date;
  endsAt: Date;
  endedAt?: Date | null;
  cancelledAt?: Date | null;
}

export const periodEnd = (w: MaintenancePeriod) => w.endedAt ?? w.endsAt;

/** The announced window a deadline at `instant` would fall in (start inclusive, end exclusive), or null. */
export function windowContaining<W extends MaintenancePeriod>(instant: Date, windows: readonly W[]): W | null {
  const t = instant.getTime();
  return windows.find((w) => !w.cancelledAt && w.startsAt.getTime() <= t && t < periodEnd(w).getTime()) ?? null;
}

/** Is the portal in a maintenance window at `now`? */
export const isUnderMaintenance = (now: Date, windows: readonly MaintenancePeriod[]) =>
  windowContaining(now, windows) !== null;
