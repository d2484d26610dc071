import { formatDateInZone, formatTimeInZone, type DisplayLocale } from "@/lib/time";

/**
 * An instant in the agency's zone as `<time>`: "6 Des 2026 11.10.01 WIB". The day and the
 * time each stay whole but may go on two lines, so a narrow column or a phone keeps the
 * whole deadline in view instead of cutting it off.
 */
export function TimeInZone({ at, timeZone, locale }: { at: Date; timeZone: string; locale: DisplayLocale }) {
  return (
    <time dateTime={at.toISOString()}>
      <span className="whitespace-nowrap">{formatDateInZone(at, timeZone, locale)}</span>{" "}
      <span className="whitespace-nowrap">{formatTimeInZone(at, timeZone, locale)}</span>
    </time>
  );
}
