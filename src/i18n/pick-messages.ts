/**
 * The part of a message catalogue under the given dotted keys ("common.locale", "bids"),
 * nested as in the catalogue: what a page's client components may ask for, and no more.
 * A key that names nothing is left out (its component would show the key, as next-intl
 * does for any missing message).
 */
export function pickMessages(messages: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    const path = key.split(".");
    let from: unknown = messages;
    for (const part of path) from = isTree(from) ? from[part] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const part of path.slice(0, -1))
      into = (isTree(into[part]) ? into[part] : (into[part] = {})) as Record<string, unknown>;
    into[path.at(-1)!] = from;
  }
  return picked;
}

const isTree = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
