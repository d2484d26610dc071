import { inject, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ownerDatabaseUrl } from "../setup/owner-sql";

const root = path.resolve(import.meta.dirname, "../..");

function prisma(args: string[], databaseUrl: string) {
  try {
    const stdout = execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: `${e.stdout}\n${e.stderr}` };
  }
}

describe("the committed migrations", () => {
  it("produce exactly prisma/schema.prisma (exit 2 here means: run `npx prisma migrate dev`)", () => {
    const result = prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      // migrations are the owner's: the app's role may not create the shadow database
      ownerDatabaseUrl(),
    );
    expect(result.stdout).not.toMatch(/CREATE|ALTER|DROP/);
    expect(result.code).toBe(0);
  });

  it("are all applied to the migrated template, which status reports as up to date", () => {
    const url = new URL(inject("adminUrl"));
    url.pathname = `/${inject("templateDb")}`;
    const result = prisma(["migrate", "status"], url.toString());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/up to date/i);
  });
});
