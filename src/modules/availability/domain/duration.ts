/** An interval's length in whole days, hours and minutes (seconds rounded up: a gap of 10 s shows as 1 minute). */
export function durationParts(from: Date, to: Date): { days: number; hours: number; minutes: number } {
  const totalMinutes = Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 60_000));
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}
