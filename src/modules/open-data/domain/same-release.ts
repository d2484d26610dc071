/**
 * Whether two releases say the same thing apart from their id, date and tags: a stage
 * boundary that changed nothing the public sees publishes no release. Keys are compared in
 * sorted order, since a release read back from jsonb has its keys reordered.
 */
export function sameReleaseContent(previous: unknown, next: unknown): boolean {
  return canonical(strip(previous)) === canonical(strip(next));
}

function strip(release: unknown): unknown {
  if (release === null || typeof release !== "object") return release;
  const rest: Record<string, unknown> = { ...(release as Record<string, unknown>) };
  delete rest.id;
  delete rest.date;
  delete rest.tag;
  return rest;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
