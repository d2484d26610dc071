/** Sizes and durations as people read them: "12,4 MB", "3,2 dtk" / "3.2 s". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

export function formatDuration(ms: number, locale: string): string {
  const seconds = ms / 1000;
  const n = (v: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v);
  if (ms < 1000) return `${n(ms, 0)} ms`;
  if (seconds < 60) return `${n(seconds)} ${locale === "id" ? "dtk" : "s"}`;
  return `${n(Math.floor(seconds / 60), 0)} ${locale === "id" ? "mnt" : "min"} ${n(Math.round(seconds % 60), 0)} ${locale === "id" ? "dtk" : "s"}`;
}

/** A drill's figures, flattened: { durationsMs: { restore: 1 } } -> [["durationsMs.restore", 1]]. */
export function flattenFigures(figures: Record<string, unknown>, prefix = ""): [string, number | string | boolean][] {
  const out: [string, number | string | boolean][] = [];
  for (const [key, value] of Object.entries(figures)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object" && !Array.isArray(value))
      out.push(...flattenFigures(value as Record<string, unknown>, name));
    else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
      out.push([name, value]);
  }
  return out;
}
