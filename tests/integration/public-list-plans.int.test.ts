import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import type { ProcurementCategory, ProcurementMethod, StageKind } from "@/generated/prisma/enums";
import pg from "pg";
import { ownerDatabaseUrl, sqlAsOwner } from "../setup/owner-sql";

// Every query the public list, its filter options and the announcement page send, planned
// by PostgreSQL over 100,000 tenders: none may read the whole tender table (or a tender's
// whole participant list) row by row (docs/decisions/0015-public-list-at-scale.md).

// The app's own client, built here with the query event on, so the test plans exactly the
// SQL and parameters the code sends (src/server/db.ts keeps one client on globalThis).
const sent: { query: string; params: unknown[] }[] = [];
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 4 }),
  log: [{ emit: "event", level: "query" }],
});
client.$on("query", (event) => sent.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
(globalThis as { segelDb?: PrismaClient }).segelDb = client;
// imported only now, so that every module's `db` is this client
const { makeAgency, makeUser, seedReference } = await import("../factories");
const { findPublicTenders } = await import("@/modules/tenders/server/find-public-tenders");
const { findTenderFilterOptions } = await import("@/modules/announcement/server/find-tender-filter-options");
const { getAnnouncement } = await import("@/modules/announcement/server/get-announcement");
const { findPublicBidSummary } = await import("@/modules/announcement/server/find-public-bid-summary");

const TENDERS = 100_000;
const PARTICIPANTS = 2_505;
// the tables a public page must never read whole
const GUARDED = new Set(["Tender", "TenderParticipant"]);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
const seqScans = (plan: PlanNode): string[] =>
  nodesOf(plan).flatMap((n) =>
    n["Node Type"] === "Seq Scan" && GUARDED.has(n["Relation Name"] ?? "") ? [n["Relation Name"]!] : [],
  );
// an index of "Tender" itself ("TenderStage_..." and "TenderParticipant_..." are other tables')
const ofTender = (n: PlanNode) => n["Index Name"]?.startsWith("Tender_") ?? false;
// reading an index in its order, row by row (a bitmap scan collects the matches first instead)
const isWalk = (n: PlanNode) => n["Node Type"] === "Index Scan" || n["Node Type"] === "Index Only Scan";
const TEXT_INDEXES = ["Tender_searchVector_idx", "Tender_searchText_idx"];
// equality lookups of a typed code (an exact code comes first), not walks in a sort's order
const CODE_INDEXES = new Set(["Tender_pkey", "Tender_code_key", "Tender_paketRupCode_idx"]);

// what each statement took at the database (EXPLAIN ANALYZE), reported, never asserted
const timings: { ms: number; query: string }[] = [];

/** Runs `read`, then plans every statement it sent. */
async function plansOf(read: () => Promise<unknown>): Promise<{ query: string; plan: PlanNode }[]> {
  sent.length = 0;
  await read();
  const statements = sent.filter((s) => /^\s*(SELECT|WITH)/i.test(s.query) && !/^\s*SELECT 1\s*$/i.test(s.query));
  expect(statements.length).toBeGreaterThan(0);
  const plans: { query: string; plan: PlanNode }[] = [];
  for (const { query, params } of statements) {
    const [row] = await sqlAsOwner<{ "QUERY PLAN": { Plan: PlanNode; "Execution Time": number }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${query}`,
      params,
    );
    const [explained] = row!["QUERY PLAN"];
    timings.push({ ms: explained!["Execution Time"], query });
    plans.push({ query, plan: explained!.Plan });
  }
  return plans;
}

type Planned = Awaited<ReturnType<typeof plansOf>>;

/** The statements that scan a guarded table. */
const scansIn = (plans: Planned): string[] =>
  plans.flatMap(({ query, plan }) => {
    const scanned = seqScans(plan);
    return scanned.length ? [`${scanned.join(", ")}: ${query.slice(0, 300)}`] : [];
  });
const scansOf = async (read: () => Promise<unknown>) => scansIn(await plansOf(read));

/**
 * For a keyword that few tenders match: how its statements fail to start from the text
 * indexes. Walking a sort's index instead, filtering every tender by the keyword, reads the
 * whole table before it has a page of a handful of matches (2.6 s at this size).
 */
function walksIn(plans: Planned): string[] {
  const walks = plans.flatMap(({ query, plan }) => {
    const walked = nodesOf(plan)
      .filter((n) => ofTender(n) && isWalk(n) && !CODE_INDEXES.has(n["Index Name"]!))
      .map((n) => n["Index Name"]);
    return walked.length ? [`walks ${walked.join(", ")}: ${query.slice(0, 300)}`] : [];
  });
  const fromText = plans.some(({ plan }) =>
    nodesOf(plan).some((n) => n["Node Type"] === "Bitmap Index Scan" && TEXT_INDEXES.includes(n["Index Name"]!)),
  );
  return fromText ? walks : [...walks, "reads no text index"];
}

/** Runs the statements as the owner with triggers off, in one transaction. */
async function bulkLoad(statements: string[]) {
  const owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  try {
    await owner.query("BEGIN");
    await owner.query("SET LOCAL session_replication_role = replica");
    for (const statement of statements) await owner.query(statement);
    await owner.query("COMMIT");
  } finally {
    await owner.end();
  }
}

/** 100,000 tenders over five years, 400 of them open, one with 2,505 participants. */
async function loadTenders() {
  const [procedure] = await seedReference();
  const agencies = await Promise.all(
    Array.from({ length: 20 }, (_, i) => makeAgency({ name: `Pemerintah Daerah Uji ${i}` })),
  );
  const user = await makeUser();
  // Bulk load as the owner with triggers off: the list columns are written here as the
  // triggers would write them (their own test is find-public-tenders.int.test.ts).
  await bulkLoad([
    `INSERT INTO "Paket" (id, "agencyId", "workUnitId", "rupCode", name, category, "fiscalYear", "fundingSource", pagu, hps, location, status, "createdById", "updatedAt")
    SELECT md5('p' || i)::uuid, a.ids[1 + i % 20], w.ids[1 + i % 20], 'RUP-' || i,
      (ARRAY['Rehabilitasi Jalan Desa', 'Pengadaan Laptop Sekolah', 'Pembangunan Puskesmas', 'Jasa Konsultansi Pengawasan', 'Pengadaan Obat'])[1 + i % 5] || ' Paket ' || i,
      (ARRAY['BARANG', 'PEKERJAAN_KONSTRUKSI', 'JASA_KONSULTANSI', 'JASA_LAINNYA'])[1 + i % 4]::"ProcurementCategory",
      2022 + (i - 1) * 5 / ${TENDERS}, 'APBD', 1000000000, CASE WHEN i % 97 = 0 THEN NULL ELSE 1000000 + (hashtext('hps' || i) & 2147483647) % 900000000 END,
      (ARRAY['Kecamatan Utara, Kota Bogor', 'Kabupaten Bandung Barat', 'Kota Makassar', 'Distrik Sentani, Kabupaten Jayapura', 'Kota Medan'])[1 + i % 5],
      'IN_SELECTION', '${user.id}', now()
    FROM generate_series(1, ${TENDERS}) i,
      (SELECT array_agg(id ORDER BY id) ids FROM "Agency") a,
      (SELECT array_agg(w.id ORDER BY w."agencyId") ids FROM "WorkUnit" w) w`,
    // an ended tender carries its stamps (migration 20261208100000): a completed one its
    // winner (the bid is loaded with the vendors below), SPPBJ and completion, a failed one
    // its kind and reason
    `INSERT INTO "Tender" (id, "paketId", code, method, status, "procedureId", "publishedAt", "createdAt", "updatedAt",
        "paketAgencyId", "paketFiscalYear", "paketCategory", "paketHps", "searchText", "paketLocation", "paketRupCode", "bidDeadline",
        "openedAt", "winnerBidId", "awardedAt", "announcedAt", "sppbjIssuedAt", "completedAt", "failedAt", "failureKind", "endReason")
    SELECT md5('t' || i)::uuid, p.id, 'T' || lpad(i::text, 8, '0'),
      (ARRAY['TENDER', 'TENDER_CEPAT', 'SELEKSI', 'PENGADAAN_LANGSUNG'])[1 + i % 4]::"ProcurementMethod",
      (CASE WHEN i > ${TENDERS} - 5 THEN 'DRAFT' WHEN i > ${TENDERS} - 400 THEN 'PUBLISHED' WHEN i % 50 = 0 THEN 'FAILED' ELSE 'COMPLETED' END)::"TenderStatus",
      '${procedure!.id}', CASE WHEN i > ${TENDERS} - 5 THEN NULL ELSE now() - (${TENDERS} - i) * interval '25 minutes' END,
      now() - (${TENDERS} - i) * interval '25 minutes', now(),
      p."agencyId", p."fiscalYear", p.category, p.hps, segel_search_fold(concat_ws(E'\\n', p.name, 'T' || lpad(i::text, 8, '0'), p."rupCode")),
      segel_search_fold(p.location), p."rupCode",
      CASE WHEN i > ${TENDERS} - 5 THEN NULL ELSE now() - (${TENDERS} - i) * interval '25 minutes' + interval '7 days' END,
      e.opened, CASE WHEN k.completed THEN md5('b' || i)::uuid END, e.awarded, e.awarded, e.done, e.done,
      e.failed, CASE WHEN e.failed IS NOT NULL THEN 'NO_BIDS'::"TenderFailureKind" END, CASE WHEN e.failed IS NOT NULL THEN 'Tidak ada penawaran.' END
    FROM generate_series(1, ${TENDERS}) i JOIN "Paket" p ON p.id = md5('p' || i)::uuid,
      LATERAL (SELECT i <= ${TENDERS} - 400 AND i % 50 <> 0 AS completed, now() - (${TENDERS} - i) * interval '25 minutes' + interval '7 days' AS deadline) k,
      LATERAL (SELECT CASE WHEN k.completed THEN k.deadline END AS opened, CASE WHEN k.completed THEN k.deadline + interval '5 days' END AS awarded,
        CASE WHEN k.completed THEN k.deadline + interval '20 days' END AS done,
        CASE WHEN i <= ${TENDERS} - 400 AND i % 50 = 0 THEN k.deadline END AS failed) e`,
    // the words typos are looked up in, as the tenders' insert trigger adds them
    `INSERT INTO "SearchWord" (word) SELECT word FROM ts_stat('SELECT "searchVector" FROM "Tender"')
      WHERE word ~ '^[[:alpha:]]{5,}$' ON CONFLICT DO NOTHING`,
    `INSERT INTO "TenderStage" (id, "tenderId", kind, position, "startsAt", "endsAt")
    SELECT gen_random_uuid(), t.id, k.kind::"StageKind", k.position, coalesce(t."publishedAt", now()) + k.starts * interval '1 day', coalesce(t."publishedAt", now()) + k.ends * interval '1 day'
    FROM "Tender" t, (VALUES ('PENGUMUMAN', 1, 0, 3), ('UPLOAD_PENAWARAN', 2, 3, 7)) k(kind, position, starts, ends)`,
  ]);
  const [crowded] = await sqlAsOwner<{ id: string; code: string }>(
    `SELECT id, code FROM "Tender" WHERE status = 'COMPLETED' ORDER BY "publishedAt" DESC LIMIT 1`,
  );
  const crowdedCode = crowded!.code;
  await bulkLoad([
    `INSERT INTO "Vendor" (id, name, "businessForm", npwp, nib, address, city, province, email, kbli, status)
    SELECT md5('v' || i)::uuid, 'CV Peserta ' || i, 'CV', 'NPWP' || i, 'NIB' || i, 'Jl. Uji', 'Kota', 'Papua', 'v' || i || '@uji.test', '{}', 'VERIFIED'
    FROM generate_series(1, ${PARTICIPANTS}) i`,
    `INSERT INTO "TenderParticipant" ("tenderId", "vendorId", "registeredAt")
    SELECT t.id, v.id, now() - random() * interval '10 days' FROM "Tender" t, "Vendor" v
    WHERE t.code = '${crowdedCode}'`,
    // and one in every other tender, so the crowded one is a small part of the table
    `INSERT INTO "TenderParticipant" ("tenderId", "vendorId", "registeredAt")
    SELECT t.id, md5('v' || (1 + abs(hashtext(t.id::text)) % ${PARTICIPANTS}))::uuid, t."publishedAt" FROM "Tender" t
    WHERE t.code <> '${crowdedCode}' AND t."publishedAt" IS NOT NULL`,
    // each completed tender's winning bid, from one of its participants
    `INSERT INTO "Bid" (id, "tenderId", "vendorId", "submittedById", "idempotencyKey", "sealedPrice", "priceCommitment", "submittedAt", receipt, "receiptSignature", "openedPrice")
    SELECT t."winnerBidId", t.id, p."vendorId", '${user.id}', 'uji-' || t.id, '\\x00', repeat('0', 64), t."openedAt" - interval '1 hour', '{}', 'uji', 1000000
    FROM "Tender" t JOIN LATERAL (SELECT "vendorId" FROM "TenderParticipant" WHERE "tenderId" = t.id LIMIT 1) p ON true
    WHERE t.status = 'COMPLETED'`,
  ]);
  await sqlAsOwner(`ANALYZE`);
  return { agencyId: agencies[3]!.id, crowdedCode };
}

const SORTS = ["newest", "hps-desc", "hps-asc", "deadline"] as const;
// keywords that match one tender or none: they must start from the text indexes
const FEW_MATCHES = new Set(["a rare keyword", "a rare keyword and a year", "a keyword nothing matches"]);
const filterVariants = (agencyId: string): Record<string, object> => ({
  none: {},
  year: { year: 2024 },
  agency: { agency: agencyId },
  category: { category: "JASA_KONSULTANSI" satisfies ProcurementCategory },
  method: { method: "SELEKSI" satisfies ProcurementMethod },
  stage: { stage: "UPLOAD_PENAWARAN" satisfies StageKind },
  "a word": { q: "puskesmas" },
  "part of a code": { q: "00123" },
  "two characters": { q: "0%" },
  "a rare keyword": { q: "paket 99999" },
  "a rare keyword and a year": { year: 2026, q: "paket 99999" },
  "a keyword nothing matches": { q: "zzqx" },
  // issue 14: search as people type it, and the filters it added
  "a typo": { q: "pembanguan puskesmas" },
  "accents and capitals": { q: "PÜSKESMAS" },
  "a tender code, exact": { q: "T00012345" },
  "a RUP code, exact": { q: "RUP-54321" },
  "HPS range": { hpsMin: 100_000_000n, hpsMax: 300_000_000n },
  "HPS from": { hpsMin: 850_000_000n },
  location: { location: "bandung" },
  "location and stage": { location: "makassar", stage: "UPLOAD_PENAWARAN" satisfies StageKind },
  "keyword, year, HPS and location": { q: "jalan", year: 2025, hpsMax: 500_000_000n, location: "bogor" },
  "every filter": {
    year: 2026,
    agency: agencyId,
    category: "BARANG",
    method: "TENDER",
    stage: "PENGUMUMAN",
    q: "jalan",
    hpsMin: 1_000_000n,
    hpsMax: 900_000_000n,
    location: "kota",
  },
});

// One test: the tables are emptied before each test, and loading them takes most of its time.
describe(`the public pages over ${TENDERS.toLocaleString("en")} tenders`, () => {
  it("read no tender table whole for any filter, keyword, sort or page, nor the participants of a crowded tender", async () => {
    const loadStarted = Date.now();
    const { agencyId, crowdedCode } = await loadTenders();
    console.log(`${TENDERS} tenders loaded in ${Date.now() - loadStarted} ms`);
    const scans: string[] = [];
    const walks: string[] = [];
    for (const sort of SORTS) {
      for (const [name, filters] of Object.entries(filterVariants(agencyId))) {
        for (const page of [1, 4_000]) {
          const plans = await plansOf(() => findPublicTenders({ filters, sort, take: 20, page }));
          scans.push(...scansIn(plans).map((f) => `sort ${sort}, filter ${name}, page ${page}: ${f}`));
          if (FEW_MATCHES.has(name))
            walks.push(...walksIn(plans).map((w) => `sort ${sort}, filter ${name}, page ${page}: ${w}`));
        }
      }
    }
    scans.push(
      ...(await scansOf(() => findPublicTenders({ openForBids: true, take: 20 }))).map((f) => `open for bids: ${f}`),
    );
    scans.push(...(await scansOf(() => findPublicTenders())).map((f) => `home page: ${f}`));
    scans.push(...(await scansOf(() => findTenderFilterOptions())).map((f) => `filter options: ${f}`));
    const announcement = await getAnnouncement(crowdedCode);
    scans.push(...(await scansOf(() => getAnnouncement(crowdedCode))).map((f) => `announcement: ${f}`));
    scans.push(...(await scansOf(() => findPublicBidSummary(announcement.id))).map((f) => `participants: ${f}`));
    const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(
      `${timings.length} statements at the database: median ${sorted[sorted.length >> 1]!.toFixed(2)} ms, 95th ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)} ms, max ${slowest.ms.toFixed(2)} ms (${slowest.query.slice(0, 200)})`,
    );
    expect(scans).toEqual([]);
    expect(walks).toEqual([]);
  }, 600_000);
});
