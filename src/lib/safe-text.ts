// PostgreSQL refuses the NUL character in text ("invalid byte sequence for encoding UTF8:
// 0x00") and a lone UTF-16 surrogate cannot be encoded as UTF-8 at all (the driver would
// silently store U+FFFD instead). Such text is refused before it reaches a use case.

// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be stored exactly as given. */
export const isSafeText = (text: string): boolean => !UNSTORABLE.test(text);

/**
 * The path ("items.0.unit") of the first string inside a value that cannot be stored, or
 * null. Walks plain objects and arrays (an action's input after FormData is read).
 */
export function findUnsafeText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isSafeText(value) ? null : path.join(".") || "_form";
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = isSafeText(key) ? findUnsafeText(item, [...path, key]) : path.join(".") || "_form";
      if (found !== null) return found;
    }
  }
  return null;
}
