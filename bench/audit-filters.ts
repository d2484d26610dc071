// The audit trail's filters at a million events (issue 11, item 8; docs/decisions/0038).
// Starts a throwaway PostgreSQL, applies the migrations, writes 1,000,000 events spread over
// 2,000 users, 5,000 tenders and 40 actions across a year, then times each filter's page
// and count with EXPLAIN (ANALYZE, BUFFERS) in the SQL shape find-audit-events.ts and
// find-access-log.ts send. `--without-filter-indexes` drops migration 20261209700000's
// indexes first (and restores the old (entityType, entityId) one) for the figures before.
//
//   tsx bench/audit-filters.ts [--events 1000000] [--without-filter-indexes]
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateAndSeed, sql, startDatabase } from "./lib/portal";

const { values: opts } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    "without-filter-indexes": { type: "boolean", default: false },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const events = Number(opts.events);

const db = await startDatabase();
try {
  migrateAndSeed(root, db.url, { SEGEL_DEMO: "0" });
  await sql(db.url, [
    `INSERT INTO "AuditEvent" ("occurredAt", "actorId", "actorLabel", action, "entityType", "entityId", data, mac)
     SELECT timestamptz '2026-01-01' + (n * interval '31 seconds'),
            CASE WHEN n % 10 = 0 THEN NULL ELSE md5('u' || (n % 2000))::uuid END,
            'Bench', 'area' || (n % 8) || '.action' || (n % 5),
            CASE WHEN n % 3 = 0 THEN 'User' WHEN n % 3 = 1 THEN 'Tender' ELSE 'Bid' END,
            CASE WHEN n % 3 = 0 THEN md5('u' || (n % 2000))::uuid::text ELSE md5('t' || (n % 5000))::uuid::text END,
            CASE WHEN n % 3 = 2 THEN jsonb_build_object('tenderId', md5('t' || (n % 5000))::uuid::text) ELSE '{}'::jsonb END,
            decode(repeat('00', 32), 'hex')
       FROM generate_series(1, ${events}) AS n`,
    ...(opts["without-filter-indexes"]
      ? [
          `DROP INDEX "AuditEvent_entityType_entityId_seq_idx"`,
          `DROP INDEX "AuditEvent_actorId_seq_idx"`,
          `DROP INDEX "AuditEvent_action_seq_idx"`,
          `DROP INDEX "AuditEvent_data_tenderId_seq_idx"`,
          `DROP INDEX "AuditEvent_data_tenderCode_seq_idx"`,
          `CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId")`,
        ]
      : []),
    `VACUUM ANALYZE "AuditEvent"`,
  ]);

  const user = "md5('u7')::uuid::text";
  const tender = "md5('t42')::uuid::text";
  const page = (where: string) => `SELECT seq FROM "AuditEvent" WHERE ${where} ORDER BY seq DESC LIMIT 51`;
  const count = (where: string) => `SELECT count(*) FROM (SELECT 1 FROM "AuditEvent" WHERE ${where} LIMIT 10001) m`;
  // find-audit-events.ts reads a tender's rows behind OFFSET 0 (see there); "tender, unfenced" is the plain query
  const fenced = (where: string) =>
    `SELECT * FROM (SELECT seq FROM "AuditEvent" WHERE ${where} OFFSET 0) m ORDER BY seq DESC LIMIT 51`;
  const filters: Record<string, string> = {
    "no filter": "TRUE",
    "access log (one user)": `"entityType" = 'User' AND "entityId" = ${user} AND action IN ('area0.action0', 'area3.action0')`,
    "tender, unfenced": `(("entityType" = 'Tender' AND "entityId" = ${tender}) OR (data ->> 'tenderId') = ${tender} OR (data ->> 'tenderCode') = 'T42')`,
    tender: `(("entityType" = 'Tender' AND "entityId" = ${tender}) OR (data ->> 'tenderId') = ${tender} OR (data ->> 'tenderCode') = 'T42')`,
    "entity type + id": `"entityType" = 'Tender' AND "entityId" = ${tender}`,
    actor: `"actorId" = ANY(ARRAY[md5('u7')::uuid])`,
    "action exact": `action = 'area3.action1'`,
    "action area": `action LIKE 'area3.%'`,
    "one day": `"occurredAt" >= timestamptz '2026-06-01 00:00+07' AND "occurredAt" < timestamptz '2026-06-02 00:00+07'`,
    "actor + action + month": `"actorId" = ANY(ARRAY[md5('u7')::uuid]) AND action LIKE 'area7.%' AND "occurredAt" >= timestamptz '2026-03-01' AND "occurredAt" < timestamptz '2026-04-01'`,
  };
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const rows: string[] = [];
  for (const [name, where] of Object.entries(filters)) {
    const time = async (query: string) => {
      await client.query(query); // warm
      const { rows: plan } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
      const top = plan[0]["QUERY PLAN"][0];
      return {
        ms: top["Execution Time"] as number,
        node: JSON.stringify(top.Plan).match(/"Index Name":"([^"]+)"/)?.[1] ?? "(no index)",
      };
    };
    const p = await time(name.startsWith("tender") && !name.includes("unfenced") ? fenced(where) : page(where));
    const c = await time(count(where));
    rows.push(`| ${name} | ${p.ms.toFixed(1)} | ${c.ms.toFixed(1)} | ${p.node} |`);
  }
  await client.end();
  console.log(`\n${events} events${opts["without-filter-indexes"] ? ", without the filter indexes" : ""}\n`);
  console.log(
    "| filter | page of 50 (ms) | count to 10,000 (ms) | first index in the page's plan |\n|---|---|---|---|",
  );
  console.log(rows.join("\n"));
} finally {
  await db.stop();
}
