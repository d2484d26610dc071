/** Words the countdown needs, resolved on the server so the page ships no catalogue for them. */
export interface CountdownWords {
  /** "hari" / "day" */
  day: string;
  /** "hari" / "days" */
  days: string;
}

/**
 * "2 hari 03.04.05" or "00.00.03" (en: "2 days 03:04:05"): whole seconds rounded up, so
 * the display reaches zero at the deadline instant and never shows 0 while time is left.
 */
export function formatRemaining(ms: number, words: CountdownWords, separator: "." | ":"): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, "0");
  const clock = [Math.floor((total % 86_400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map(pad)
    .join(separator);
  return days > 0 ? `${days} ${days === 1 ? words.day : words.days} ${clock}` : clock;
}

export type WindowPhase = "before" | "open" | "after";

/**
 * Where `now` (server time, ms) falls against windows that each run from their start up
 * to, not including, their end, like isWithin in tenders/domain/schedule.ts: at the
 * deadline instant the window is over. "after" once the last window has ended.
 */
export function windowPhase(windows: readonly { startsAt: number; endsAt: number }[], now: number): WindowPhase {
  if (windows.some((w) => w.startsAt <= now && now < w.endsAt)) return "open";
  return windows.some((w) => now < w.endsAt) ? "before" : "after";
}

/** The next instant to wake at: the next whole server second, or a boundary before it. */
export function nextWake(now: number, boundaries: readonly number[]): number {
  const nextSecond = Math.floor(now / 1000) * 1000 + 1000;
  const nextBoundary = boundaries.filter((b) => b > now).reduce((a, b) => Math.min(a, b), Infinity);
  return Math.min(nextSecond, nextBoundary);
}
