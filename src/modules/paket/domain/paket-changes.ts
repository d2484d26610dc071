type Value = string | number | bigint | boolean | null | undefined;

export type Changes = Record<string, { from: string | number | boolean | null; to: string | number | boolean | null }>;

// Amounts go to the audit trail as strings: JSON has no bigint, and a number would round.
const plain = (v: Value) => (v === undefined ? null : typeof v === "bigint" ? v.toString() : v);

/** The fields of `after` whose value differs in `before`, as { field: { from, to } }. */
export function changedFields<K extends string>(before: Record<NoInfer<K>, unknown>, after: Record<K, Value>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after) as K[]) {
    const [from, to] = [plain(before[key] as Value), plain(after[key])];
    if (from !== to) changes[key] = { from, to };
  }
  return changes;
}
