// The compiled release: the current state of a contracting process, built from its releases
// by the OCDS 1.1 merge rules (https://standard.open-contracting.org/1.1/en/schema/merging/).
// Pure: the record endpoint and the bulk file both call it.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * Paths whose list is replaced whole instead of merged by id: `wholeListMerge` in
 * release-schema.json 1.1.5 (OrganizationReference and Organization additionalIdentifiers,
 * Item additionalClassifications). Paths are the property names from the root, with array
 * items left out: ["parties", "additionalIdentifiers"] is parties[*].additionalIdentifiers.
 */
const WHOLE_LIST_MERGE: readonly (readonly string[])[] = [
  ["buyer", "additionalIdentifiers"],
  ["parties", "additionalIdentifiers"],
  ["tender", "procuringEntity", "additionalIdentifiers"],
  ["tender", "tenderers", "additionalIdentifiers"],
  ["awards", "suppliers", "additionalIdentifiers"],
  ["tender", "items", "additionalClassifications"],
  ["awards", "items", "additionalClassifications"],
  ["contracts", "items", "additionalClassifications"],
];

/** Top-level fields with `omitWhenMerged`: each release's own, never the process's. */
const OMIT_WHEN_MERGED = new Set(["id", "date", "tag"]);

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const hasId = (value: Json): value is JsonObject => isObject(value) && value.id !== undefined && value.id !== null;

const isWholeList = (path: readonly string[]) =>
  WHOLE_LIST_MERGE.some((whole) => whole.length === path.length && whole.every((part, i) => part === path[i]));

/** A null in a release removes the field: nulls never reach the compiled release. */
function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = withoutNulls(item);
  return out;
}

/**
 * An array of objects that all carry an `id` merges item by item: the same id merges into
 * the earlier item, a new id is appended in order of first appearance. Any other array
 * (strings, objects without ids, a wholeListMerge path) replaces the earlier one.
 */
function mergeArray(earlier: Json | undefined, later: Json[], path: readonly string[]): Json[] {
  if (isWholeList(path) || !Array.isArray(earlier) || !later.every(hasId) || !earlier.every(hasId))
    return later.map(withoutNulls);
  const merged = [...earlier] as JsonObject[];
  for (const item of later as JsonObject[]) {
    // ids compare as given: "1" and 1 are different items (OCDS 1.1 identifier merge)
    const at = merged.findIndex((existing) => existing.id === item.id);
    if (at === -1) merged.push(withoutNulls(item) as JsonObject);
    else merged[at] = mergeObject(merged[at]!, item, path);
  }
  return merged;
}

function mergeObject(earlier: JsonObject, later: JsonObject, path: readonly string[]): JsonObject {
  const out: JsonObject = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const at = [...path, key];
    if (value === null) delete out[key];
    else if (Array.isArray(value)) out[key] = mergeArray(out[key], value, at);
    else if (isObject(value)) out[key] = mergeObject(isObject(out[key]) ? out[key] : {}, value, at);
    else out[key] = value;
  }
  return out;
}

/**
 * The compiled release of one ocid. `releases` are in publication order (oldest first); a
 * later release's value wins. The compiled release takes the tag ["compiled"], the given id
 * and the latest release date.
 */
export function compileRelease(releases: readonly JsonObject[], id: string): JsonObject {
  if (releases.length === 0) throw new Error("compileRelease needs at least one release");
  let merged: JsonObject = {};
  for (const release of releases) {
    const fields = Object.fromEntries(Object.entries(release).filter(([key]) => !OMIT_WHEN_MERGED.has(key)));
    merged = mergeObject(merged, fields, []);
  }
  const dates = releases.map((release) => release.date).filter((date): date is string => typeof date === "string");
  if (dates.length === 0) throw new Error("compileRelease needs dated releases");
  const latest = dates.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  const { ocid, ...rest } = merged;
  return { ...(ocid === undefined ? {} : { ocid }), id, date: latest, tag: ["compiled"], ...rest };
}
