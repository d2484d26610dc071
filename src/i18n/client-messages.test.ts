import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LAYOUT_CLIENT_MESSAGES, ROUTE_CLIENT_MESSAGES } from "./client-messages";
import { loadMessages } from "./messages";

// Reads the sources the way the bundler does: from each route file through its imports;
// from the first "use client" file on, everything is browser code, and every
// useTranslations("ns") there needs "ns" shipped by the route's <ClientMessages>.
const src = path.resolve(import.meta.dirname, "..");
const app = path.join(src, "app");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(src, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const ending of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const file = base + ending;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

const found = new Map<string, Set<string>>();

/** The names an `import { A, B as C }` or `export { A }` clause takes; null for a default or `* as` import (all of it). */
function namedIn(clause: string): Set<string> | null {
  const braces = /^\s*(?:type\s+)?\{([^}]*)\}\s*$/.exec(clause);
  if (!braces) return null;
  const names = braces[1]!.split(",").flatMap((part) =>
    part
      .trim()
      .replace(/^type\s+/, "")
      .split(/\s+as\s+/),
  );
  return new Set(names.filter(Boolean));
}

/**
 * The message keys the client components reachable from `file` ask for (remembered per
 * file). Through a module's surface (an index.ts of named re-exports) only the names
 * imported are followed: a component the page does not take from a surface never renders
 * on it, so the page need not ship that component's messages.
 */
function clientKeys(file: string, isClient = false, names: Set<string> | null = null): Set<string> {
  const memo = `${isClient}:${file}:${names ? [...names].sort().join(",") : "*"}`;
  const known = found.get(memo);
  if (known) return known;
  const keys = new Set<string>();
  found.set(memo, keys);
  const code = readFileSync(file, "utf8");
  const client = isClient || /^\s*["']use client["']/.test(code);
  if (client) {
    for (const call of code.matchAll(/useTranslations\(([^)]*)\)/g)) {
      const literal = /^\s*["']([^"'`]+)["']\s*$/.exec(call[1]!);
      keys.add(literal ? literal[1]! : `<not a plain string: useTranslations(${call[1]})>`);
    }
  }
  for (const [, kind, clause, spec] of code.matchAll(/(import|export)\s([^;]*?)\s*from\s+["']([^"']+)["']/g)) {
    const taken = namedIn(clause!);
    if (kind === "export" && names && taken && ![...taken].some((name) => names.has(name))) continue;
    const target = resolveImport(file, spec!);
    if (!target || target.endsWith(".json")) continue;
    const isSurface = /\/index\.tsx?$/.test(target);
    for (const key of clientKeys(target, client, isSurface ? taken : null)) keys.add(key);
  }
  return keys;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : routeFiles(full);
    return /^(page|layout|error|not-found|loading|template)\.tsx$/.test(entry.name) ? [full] : [];
  });
}

/** The keys shipped to a route file: its nearest folder with a list, else the root layout's. */
function shippedTo(file: string): readonly string[] {
  for (let dir = path.relative(app, path.dirname(file)); dir && dir !== "."; dir = path.dirname(dir)) {
    const list = (ROUTE_CLIENT_MESSAGES as Record<string, readonly string[]>)[dir.split(path.sep).join("/")];
    if (list) return list;
  }
  return LAYOUT_CLIENT_MESSAGES;
}

const isCovered = (key: string, shipped: readonly string[]) =>
  shipped.some((s) => key === s || key.startsWith(`${s}.`));

describe("each route ships the messages its client components use", () => {
  // the first route reads most of src/ (about 900 files); the others find them remembered
  it.each(routeFiles(app).map((file) => [path.relative(app, file), file]))(
    "%s",
    (_name, file) => {
      const shipped = shippedTo(file);
      const missing = [...clientKeys(file)].filter((key) => !isCovered(key, shipped));
      expect(missing, "add them to src/i18n/client-messages.ts").toEqual([]);
    },
    30_000,
  );

  it("every route with a list has a layout that ships it", () => {
    for (const route of Object.keys(ROUTE_CLIENT_MESSAGES)) {
      const layout = path.join(app, route, "layout.tsx");
      expect(existsSync(layout) && readFileSync(layout, "utf8"), route).toContain(`<ClientMessages route="${route}">`);
    }
  });

  it.each(["id", "en"] as const)("every listed key names messages in %s", async (locale) => {
    const messages = await loadMessages(locale);
    const keys = [...LAYOUT_CLIENT_MESSAGES, ...Object.values(ROUTE_CLIENT_MESSAGES).flat()];
    const named = (key: string) =>
      key
        .split(".")
        .reduce<unknown>((tree, part) => (tree as Record<string, unknown> | undefined)?.[part], messages) !== undefined;
    expect(keys.filter((key) => !named(key))).toEqual([]);
  });
});
