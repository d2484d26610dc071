import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { recordAuditEvent } from "@/modules/audit/server/record-audit-event";
import { sqlAsOwner } from "@/tests/setup/owner-sql";

// The application's own connection (DATABASE_URL, the segel_app role) is what an intruder
// gets by reading the server's environment or by injecting SQL into the app. With it, the
// audit trail may be appended to and read, never shortened or rewritten
// (docs/decisions/0013-database-roles.md).

async function asApp<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const PERMISSION_DENIED = { code: "42501" };

async function recordOne() {
  const { seq } = await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: null,
      action: "test.appendOnly",
      entityType: "Paket",
      entityId: "p-1",
      data: { hps: "150000000" },
    }),
  );
  return seq;
}

describe("the application's database role", () => {
  it("is segel_app, not the owner of the tables", async () => {
    const [row] = await db.$queryRaw<
      { user: string; superuser: string }[]
    >`SELECT current_user AS user, current_setting('is_superuser') AS superuser`;
    expect(row).toEqual({ user: "segel_app", superuser: "off" });
  });

  it("appends to the audit trail and reads it back", async () => {
    const seq = await recordOne();
    const rows = await asApp((c) => c.query(`SELECT action FROM "AuditEvent" WHERE seq = $1`, [seq]));
    expect(rows.rows).toEqual([{ action: "test.appendOnly" }]);
  });

  it("cannot rewrite, delete or truncate audit events; they stay as written", async () => {
    const seq = await recordOne();
    await asApp(async (c) => {
      await expect(c.query(`UPDATE "AuditEvent" SET data = '{"hps":"0"}' WHERE seq = $1`, [seq])).rejects.toMatchObject(
        PERMISSION_DENIED,
      );
      await expect(c.query(`DELETE FROM "AuditEvent" WHERE seq >= $1`, [seq])).rejects.toMatchObject(PERMISSION_DENIED);
      await expect(c.query(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toMatchObject(PERMISSION_DENIED);
      // SELECT ... FOR UPDATE needs the UPDATE privilege too: no locking the trail either
      await expect(c.query(`SELECT seq FROM "AuditEvent" FOR UPDATE`)).rejects.toMatchObject(PERMISSION_DENIED);
    });
    expect(await sqlAsOwner(`SELECT data FROM "AuditEvent" WHERE seq = $1`, [seq])).toEqual([
      { data: { hps: "150000000" } },
    ]);
  });

  it("cannot alter, drop or disable the triggers of tables, replace segel_now() or skip triggers", async () => {
    await asApp(async (c) => {
      for (const sql of [
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
        `ALTER TABLE "AuditEvent" OWNER TO segel_app`,
        `DROP TABLE "AuditEvent" CASCADE`,
        `CREATE OR REPLACE FUNCTION segel_now() RETURNS timestamptz LANGUAGE sql AS $$ SELECT now() - interval '1 day' $$`,
        `SET session_replication_role = replica`,
      ]) {
        await expect(c.query(sql), sql).rejects.toMatchObject(PERMISSION_DENIED);
      }
    });
    expect(await sqlAsOwner(`SELECT to_regclass('"AuditEvent"') IS NOT NULL AS exists`)).toEqual([{ exists: true }]);
  });

  it("cannot move the database clock or rewrite the migration history", async () => {
    await asApp(async (c) => {
      await expect(
        c.query(`INSERT INTO "TestClockOffset" (id, "offsetMs") VALUES (1, -86400000)`),
      ).rejects.toMatchObject(PERMISSION_DENIED);
      await expect(c.query(`DELETE FROM "_prisma_migrations"`)).rejects.toMatchObject(PERMISSION_DENIED);
    });
  });

  it("may write every working table, but only append to every audit table, and truncate none", async () => {
    const tables = await sqlAsOwner<{
      name: string;
      canWrite: boolean;
      canRewrite: boolean;
      canAppend: boolean;
      canTruncate: boolean;
    }>(
      `SELECT name,
              has_table_privilege('segel_app', t, 'UPDATE') AND has_table_privilege('segel_app', t, 'DELETE') AS "canWrite",
              has_table_privilege('segel_app', t, 'UPDATE') OR has_table_privilege('segel_app', t, 'DELETE') AS "canRewrite",
              has_table_privilege('segel_app', t, 'INSERT') AND has_table_privilege('segel_app', t, 'SELECT') AS "canAppend",
              has_table_privilege('segel_app', t, 'TRUNCATE') AS "canTruncate"
         FROM (SELECT tablename AS name, format('%I', tablename) AS t FROM pg_tables WHERE schemaname = current_schema()) tables
        ORDER BY name`,
    );
    const special = ["_prisma_migrations", "TestClockOffset"];
    // the backups' history: updated as a run goes, never deleted by the app (decision 0039)
    const history = ["BackupAlert", "BackupRun", "RestoreDrill"];
    // the availability ledger, compensations and transfers: the same (decision 0040)
    history.push(
      "Compensation",
      "CompensationAddition",
      "ImportedTender",
      "MaintenanceWindow",
      "Outage",
      "TenderTransfer",
      "TrustedInstanceKey",
    );
    // a sanction, a contract's agreed change, a negotiation's minutes, a rating (issue 15)
    history.push("BlacklistEntry", "ContractAddendum", "Negotiation", "VendorRating");
    history.sort();
    expect(
      tables.filter((t) => history.includes(t.name)).map((t) => [t.name, t.canRewrite, t.canAppend, t.canWrite]),
    ).toEqual(history.map((name) => [name, true, true, false]));
    special.push(...history);
    // a transferred tender's audit events from its source are only appended
    const imported = tables.filter((t) => t.name === "ImportedAuditEvent");
    expect(imported.map((t) => [t.canRewrite, t.canAppend, t.canTruncate])).toEqual([[false, true, false]]);
    special.push("ImportedAuditEvent");
    // an OCDS release is published once and kept (decision 0041)
    const releases = tables.filter((t) => t.name === "OcdsRelease");
    expect(releases.map((t) => [t.canRewrite, t.canAppend, t.canTruncate])).toEqual([[false, true, false]]);
    special.push("OcdsRelease");
    const legacy = tables.filter((t) => t.name === "AuditLegacyEvent");
    expect(legacy.map((t) => [t.canRewrite, t.canAppend, t.canTruncate])).toEqual([[false, false, false]]);
    const audit = tables.filter((t) => t.name.startsWith("Audit") && t.name !== "AuditLegacyEvent");
    expect(audit.map((t) => t.name)).toContain("AuditEvent");
    expect(audit.filter((t) => t.canRewrite || !t.canAppend).map((t) => t.name)).toEqual([]);
    expect(
      tables.filter((t) => !t.name.startsWith("Audit") && !special.includes(t.name) && !t.canWrite).map((t) => t.name),
    ).toEqual([]);
    expect(tables.filter((t) => t.canTruncate).map((t) => t.name)).toEqual([]);
  });
});
