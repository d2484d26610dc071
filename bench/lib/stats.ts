// Pure helpers shared by the benchmarks: percentiles, ratios and the Markdown table.

/** Nearest-rank percentile (p in 0..100) of unsorted values; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1]!;
}

export interface Summary {
  n: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

export const summarize = (values: readonly number[]): Summary => ({
  n: values.length,
  p50: round(percentile(values, 50)),
  p95: round(percentile(values, 95)),
  max: round(percentile(values, 100)),
});

export function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `rate` as a share of `baseline` ("1/90" reads better than 0.011 for small shares). */
export function formatRatio(rate: number, baseline: number): string {
  if (!(baseline > 0)) return "-";
  if (rate <= 0) return "0";
  const share = rate / baseline;
  return share >= 0.1 ? share.toFixed(2) : `1/${Math.round(1 / share)}`;
}

export type Cell = string | number | null | undefined;

/** A GitHub Markdown table; null and undefined print as "-". */
export function markdownTable(headers: readonly string[], rows: readonly Cell[][]): string {
  const cell = (value: Cell) =>
    value === null || value === undefined || value === "" ? "-" : String(value).replace(/\|/g, "\\|");
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}
