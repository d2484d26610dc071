import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layering of docs/decisions/0030 bites: eslint.config.mjs is run on code written here
 * as if it were a file at the given path of this repository, so imports resolve against the
 * real tree (the `@/` alias through tsconfig, relative paths from the virtual file's folder).
 */
const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first run loads the configuration, its plugins and the TypeScript resolver: seconds.
  await eslint.lintText("", { filePath: "src/lib/x.ts" });
}, 60_000);

/** The rules that report an error for `code` placed at `filePath`. */
async function errors(filePath: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);
}

const domainFile = "src/modules/tenders/domain/x.ts";

describe("domain/ holds pure rules", () => {
  it.each([
    [
      "Prisma's generated enums",
      'import { TenderStatus } from "@/generated/prisma/enums";\nexport const s = TenderStatus;',
    ],
    [
      "Prisma's generated types",
      'import type { TenderStatus } from "@/generated/prisma/enums";\nexport type S = TenderStatus;',
    ],
    ["Next", 'import { notFound } from "next/navigation";\nexport const n = notFound;'],
    ["React", 'import { useState } from "react";\nexport const u = useState;'],
    ["the database client", 'import { db } from "@/server/db";\nexport const d = db;'],
    [
      "its own module's server code",
      'import { applyTenderEvent } from "../server/apply-tender-event";\nexport const a = applyTenderEvent;',
    ],
    [
      "another module's domain file past its surface",
      'import { bidsSettledAt } from "@/modules/bids/domain/bid-rules";\nexport const b = bidsSettledAt;',
    ],
    ["a Node module other than crypto", 'import { readFileSync } from "node:fs";\nexport const r = readFileSync;'],
  ])("refuses an import of %s", async (_what, code) => {
    expect(await errors(domainFile, code)).toEqual(["boundaries/dependencies"]);
  });

  it.each([
    ["Date.now()", "export const now = Date.now();"],
    ["new Date() with no argument", "export const now = new Date();"],
    ["process.env", "export const mode = process.env.NODE_ENV;"],
  ])("refuses the clock or the environment: %s", async (_what, code) => {
    expect(await errors(domainFile, code)).toHaveLength(1);
  });

  it("takes its own domain files, src/lib, node:crypto, zod and a given date", async () => {
    const code = [
      'import { createHash } from "node:crypto";',
      'import { z } from "zod";',
      'import { formatRupiah } from "@/lib/money";',
      'import { TRANSITIONS } from "./lifecycle";',
      "export const all = [createHash, z, formatRupiah, TRANSITIONS, new Date(0)];",
    ].join("\n");
    expect(await errors(domainFile, code)).toEqual([]);
  });

  it("lets a test of the domain use what it needs", async () => {
    const code =
      'import { TenderStatus } from "@/generated/prisma/enums";\nexport const s = [TenderStatus, Date.now()];';
    expect(await errors("src/modules/tenders/domain/x.test.ts", code)).toEqual([]);
  });
});

describe("modules reach each other through their surfaces", () => {
  const awardFile = "src/modules/award/server/x.ts";

  it("refuses another module's server file, by the alias or by a relative path", async () => {
    for (const source of ["@/modules/tenders/server/apply-tender-event", "../../tenders/server/apply-tender-event"])
      expect(
        await errors(awardFile, `import { applyTenderEvent } from "${source}";\nexport const a = applyTenderEvent;`),
      ).toEqual(["boundaries/dependencies"]);
  });

  it("takes another module's index.ts, and its own module's files", async () => {
    const code = [
      'import { applyTenderEvent } from "@/modules/tenders";',
      'import { db } from "@/server/db";',
      'import { selectWinner } from "../domain/select-winner";',
      "export const all = [applyTenderEvent, db, selectWinner];",
    ].join("\n");
    expect(await errors(awardFile, code)).toEqual([]);
  });

  it("refuses a module's testing/ folder outside the tests, its own module's included", async () => {
    const code =
      'import { setWinnerByMajority } from "../testing/set-winner-by-majority";\nexport const s = setWinnerByMajority;';
    expect(await errors(awardFile, code)).toEqual(["boundaries/dependencies"]);
    expect(await errors("src/modules/award/server/x.int.test.ts", code)).toEqual([]);
  });

  it("refuses `export *` in a surface", async () => {
    for (const surface of ["src/modules/tenders/index.ts", "src/modules/tenders/domain/index.ts"])
      expect(await errors(surface, 'export * from "./lifecycle";')).toEqual(["no-restricted-syntax"]);
  });

  it("lets a page in src/app, the composition root, import a module's server file", async () => {
    const code =
      'import { applyTenderEvent } from "@/modules/tenders/server/apply-tender-event";\nexport const a = applyTenderEvent;';
    expect(await errors("src/app/pokja/x/page.tsx", code)).toEqual([]);
  });
});

describe("src/lib and src/components/ui stay below the modules", () => {
  it("refuses src/server and React in src/lib", async () => {
    expect(await errors("src/lib/x.ts", 'import { db } from "@/server/db";\nexport const d = db;')).toEqual([
      "boundaries/dependencies",
    ]);
    expect(await errors("src/lib/x.ts", 'import { useState } from "react";\nexport const u = useState;')).toEqual([
      "boundaries/dependencies",
    ]);
  });

  it("refuses src/server in a UI primitive", async () => {
    expect(await errors("src/components/ui/x.tsx", 'import { db } from "@/server/db";\nexport const d = db;')).toEqual([
      "boundaries/dependencies",
    ]);
  });
});
