/**
 * The upload rate, smoothed so "time remaining" does not jump with every burst of a weak
 * line: an exponential moving average whose weight follows the time between samples
 * (half the weight after HALF_LIFE_MS), so frequent and rare progress events smooth alike.
 */
const HALF_LIFE_MS = 3_000;

export interface RateSample {
  bytes: number;
  atMs: number;
  /** bytes per second, smoothed; null before the first interval */
  rate: number | null;
}

export function nextRate(previous: RateSample | null, bytes: number, atMs: number): RateSample {
  if (!previous || bytes < previous.bytes) return { bytes, atMs, rate: null };
  const elapsed = atMs - previous.atMs;
  if (elapsed <= 0) return previous;
  const instant = ((bytes - previous.bytes) * 1000) / elapsed;
  if (previous.rate === null) return { bytes, atMs, rate: instant };
  const keep = Math.pow(0.5, elapsed / HALF_LIFE_MS);
  return { bytes, atMs, rate: keep * previous.rate + (1 - keep) * instant };
}

/** Whole seconds left at the smoothed rate, or null while unknown (no rate yet, or stalled). */
export function secondsRemaining(sample: RateSample | null, total: number): number | null {
  if (!sample?.rate || sample.rate < 1) return null;
  return Math.ceil(Math.max(0, total - sample.bytes) / sample.rate);
}
