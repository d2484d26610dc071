import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

// Every namespace in both languages with the same keys and the same placeholders, so an
// English reader never meets a raw key or an Indonesian sentence, and "{count}" is never lost
// in translation (issue 14: English wording checked by a test for key parity).
const dir = path.join(import.meta.dirname, "messages");
const files = (locale: string) =>
  readdirSync(path.join(dir, locale))
    .filter((name) => name.endsWith(".json"))
    .sort();
const read = (locale: string, file: string) =>
  JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")) as unknown;

/** Each leaf's dotted key with the placeholders its text uses ({name}, and {name, plural, ...}'s name). */
function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") {
    const names = [...tree.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!);
    out.set(prefix, [...new Set(names)].sort().join(","));
  } else if (tree && typeof tree === "object") {
    for (const [key, value] of Object.entries(tree)) {
      for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, `<not text: ${JSON.stringify(tree)}>`);
  }
  return out;
}

describe("the English messages match the Indonesian", () => {
  it("has the same namespace files in both languages, and loads them all", async () => {
    expect(files("en")).toEqual(files("id"));
    const loaded = Object.keys(await loadMessages("id")).sort();
    expect(loaded).toEqual(
      files("id")
        .map((f) => f.replace(/\.json$/, ""))
        .sort(),
    );
  });

  it.each(files("id"))("%s: same keys, same placeholders", (file) => {
    const id = leaves(read("id", file));
    const en = leaves(read("en", file));
    expect(
      [...en.keys()].filter((k) => !id.has(k)),
      "keys only in en",
    ).toEqual([]);
    expect(
      [...id.keys()].filter((k) => !en.has(k)),
      "keys only in id",
    ).toEqual([]);
    const differ = [...id].filter(([k, names]) => en.has(k) && en.get(k) !== names);
    expect(
      differ.map(([k, names]) => `${k}: id {${names}} en {${en.get(k)}}`),
      "placeholders",
    ).toEqual([]);
  });

  it("leaves no English text empty", () => {
    for (const file of files("en")) {
      const blank: string[] = [];
      const walk = (tree: unknown, at: string) => {
        if (typeof tree === "string") {
          if (!tree.trim()) blank.push(at);
        } else if (tree && typeof tree === "object") {
          for (const [k, v] of Object.entries(tree)) walk(v, `${at}.${k}`);
        }
      };
      walk(read("en", file), file);
      expect(blank).toEqual([]);
    }
  });
});
