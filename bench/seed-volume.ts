// Loads a realistic LPSE history into a migrated Segel database: agencies and satker,
// pakets with HPS, and (default) 100,000 public tenders from 2021 to 2026 in every status
// with their full schedules, registered vendors, and one tender with 2,500 participants
// (issue 9). Set-based SQL (generate_series), a few statements in one transaction.
// Uses only columns that exist before and after issue 9, so `--root` checkouts share it.
// Needs the reference data (procedures) the portal's seed writes.
//
//   tsx bench/seed-volume.ts --database-url URL [--tenders 100000] [--crowd 2500]
import { parseArgs } from "node:util";
import pg from "pg";

export interface VolumeSeed {
  tenders: number;
  /** a running tender with a handful of participants */
  normalCode: string;
  normalId: string;
  /** a running tender with `crowd` registered vendors */
  crowdCode: string;
  crowd: number;
  seconds: number;
}

const BENCH = "BENCH";
const BENCH_USER = "00000000-0000-4000-8000-000000000000";

// Names an LPSE would publish: work by category, then a place. Keyword searches find them.
const WORKS = {
  PEKERJAAN_KONSTRUKSI: [
    "Pembangunan Jalan",
    "Rehabilitasi Jalan",
    "Peningkatan Jalan",
    "Pembangunan Jembatan",
    "Rehabilitasi Gedung Kantor",
    "Pembangunan Puskesmas",
    "Rehabilitasi Ruang Kelas SD Negeri",
    "Pembangunan Saluran Irigasi",
    "Pembangunan Sarana Air Bersih",
    "Normalisasi Drainase",
    "Pembangunan Pasar Rakyat",
  ],
  BARANG: [
    "Pengadaan Alat Kesehatan",
    "Pengadaan Obat dan Bahan Medis Habis Pakai",
    "Pengadaan Kendaraan Dinas",
    "Pengadaan Komputer dan Laptop",
    "Pengadaan Ambulans",
    "Pengadaan Buku Pelajaran",
    "Pengadaan Mebel Sekolah",
    "Pengadaan Alat Tulis Kantor",
    "Pengadaan Seragam Sekolah",
  ],
  JASA_KONSULTANSI: [
    "Jasa Konsultansi Perencanaan Jalan",
    "Jasa Konsultansi Pengawasan Gedung",
    "Jasa Konsultansi Supervisi Jembatan",
    "Jasa Konsultansi Penyusunan Masterplan",
    "Jasa Konsultansi Studi Kelayakan Bendungan",
  ],
  JASA_LAINNYA: [
    "Jasa Kebersihan Gedung",
    "Jasa Keamanan Kantor",
    "Jasa Katering Asrama",
    "Sewa Kendaraan Operasional",
    "Jasa Pemeliharaan Taman Kota",
  ],
} as const;
const PLACES = [
  "Kota Bogor",
  "Kabupaten Bandung",
  "Kota Makassar",
  "Kabupaten Gowa",
  "Kabupaten Jayapura",
  "Kota Jayapura",
  "Kabupaten Sleman",
  "Kota Surabaya",
  "Kabupaten Sidoarjo",
  "Kota Medan",
  "Kabupaten Deli Serdang",
  "Kota Palembang",
  "Kabupaten Banyuasin",
  "Kota Pontianak",
  "Kabupaten Kubu Raya",
  "Kota Manado",
  "Kabupaten Minahasa",
  "Kota Kupang",
  "Kabupaten Manggarai",
  "Kota Ambon",
  "Kabupaten Maluku Tengah",
  "Kota Mataram",
  "Kabupaten Lombok Timur",
  "Kota Denpasar",
  "Kabupaten Badung",
  "Kota Samarinda",
  "Kabupaten Kutai Kartanegara",
  "Kota Padang",
  "Kabupaten Agam",
  "Kota Banda Aceh",
  "Kabupaten Aceh Besar",
  "Kabupaten Merauke",
  "Kabupaten Mimika",
  "Kota Ternate",
  "Kabupaten Halmahera Utara",
  "Kota Pekanbaru",
  "Kabupaten Kampar",
  "Kota Jambi",
  "Kota Bengkulu",
  "Kota Palu",
];
const ZONES = ["Asia/Jakarta", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];
const KINDS = ["KEMENTERIAN", "LEMBAGA", "PEMDA_PROVINSI", "PEMDA_KABUPATEN", "PEMDA_KOTA"];

const sqlArray = (items: readonly string[]) =>
  `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(",")}]::text[]`;

/** A number in [0,1) fixed by the row and a salt, so every run loads the same history. */
const rand = (expr: string, salt: string) =>
  `((hashtext((${expr})::text || '${salt}') & 2147483647)::float8 / 2147483648)`;

export async function seedVolume(
  databaseUrl: string,
  options: { tenders?: number; crowd?: number } = {},
): Promise<VolumeSeed> {
  const total = Math.min(options.tenders ?? 100_000, 1_000_000);
  const crowd = Math.min(options.crowd ?? 2_500, 20_000);
  const vendors = Math.max(crowd, 100);
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: procs } = await client.query(`SELECT count(*)::int AS n FROM "ProcedureConfig"`);
    if (procs[0].n === 0) throw new Error("no ProcedureConfig rows: run the portal's seed (npm run db:seed) first");
    const { rows: existing } = await client.query(`SELECT 1 FROM "Agency" WHERE code = $1`, [`${BENCH}-AG-001`]);
    if (existing.length) throw new Error("this database already holds the bench volume");
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "LpseInstance" (id, code, name) VALUES (gen_random_uuid(), 'LPSE-${BENCH}', 'LPSE Bench') ON CONFLICT (code) DO NOTHING`,
    );
    await client.query(`
      INSERT INTO "Agency" (id, "lpseId", code, name, kind, "timeZone")
      SELECT gen_random_uuid(), (SELECT id FROM "LpseInstance" WHERE code = 'LPSE-${BENCH}'), '${BENCH}-AG-' || lpad(a::text, 3, '0'),
        'Pemerintah ' || (${sqlArray(PLACES)})[1 + (a - 1) % ${PLACES.length}] || CASE WHEN a > ${PLACES.length} THEN ' (Dinas ' || a || ')' ELSE '' END,
        ((${sqlArray(KINDS)})[1 + a % ${KINDS.length}])::"AgencyKind", (${sqlArray(ZONES)})[1 + a % ${ZONES.length}]
      FROM generate_series(1, 60) a`);
    await client.query(`
      INSERT INTO "WorkUnit" (id, "agencyId", code, name)
      SELECT gen_random_uuid(), ag.id, ag.code || '-SK' || w, (ARRAY['Dinas Pekerjaan Umum','Dinas Kesehatan','Dinas Pendidikan','Sekretariat Daerah','Dinas Perhubungan'])[w]
      FROM "Agency" ag CROSS JOIN generate_series(1, 5) w WHERE ag.code LIKE '${BENCH}-AG-%'`);
    await client.query(
      `INSERT INTO "Pokja" (id, "agencyId", name) SELECT gen_random_uuid(), id, 'Pokja Pemilihan ' || name FROM "Agency" WHERE code LIKE '${BENCH}-AG-%'`,
    );
    await client.query(`
      INSERT INTO "Vendor" (id, name, "businessForm", npwp, nib, address, city, province, email, kbli, status, "verifiedAt")
      SELECT gen_random_uuid(), (ARRAY['PT','CV'])[1 + v % 2] || ' Karya Bench ' || v, (ARRAY['PT','CV'])[1 + v % 2],
        '9' || lpad(v::text, 14, '0'), '8' || lpad(v::text, 12, '0'), 'Jl. Bench No. ' || v, 'Kota Makassar', 'Sulawesi Selatan',
        'vendor' || v || '@bench.test', ARRAY['41011'], 'VERIFIED', now() - interval '90 days'
      FROM generate_series(1, ${vendors}) v`);

    // One row a tender with everything decided up front; the schedule comes from its procedure.
    const categories = Object.keys(WORKS);
    const works = categories.map((c) => sqlArray(WORKS[c as keyof typeof WORKS]));
    await client.query(`
      CREATE TEMP TABLE bench_t ON COMMIT DROP AS
      WITH base AS (
        SELECT i, 2021 + i % 6 AS year, (ARRAY['${categories.join("','")}'])[1 + (i / 6) % 4] AS category,
          ${rand("i", "r")} AS r, ${rand("i", "h")} AS h, ${rand("i", "s")} AS s
        FROM generate_series(1, ${total}) i
      ), placed AS (
        SELECT b.*, ag.id AS "agencyId", wu.id AS "workUnitId", pk.id AS "pokjaId",
          CASE b.category ${categories.map((c, k) => `WHEN '${c}' THEN (${works[k]})[1 + (b.i / 24) % ${WORKS[c as keyof typeof WORKS].length}]`).join(" ")} END
            || ' ' || (${sqlArray(PLACES)})[1 + (b.i / 7) % ${PLACES.length}] || ' Tahun ' || b.year || ' Paket ' || b.i AS name,
          CASE WHEN b.category = 'JASA_KONSULTANSI' THEN 'SELEKSI' WHEN b.i % 10 = 0 THEN 'TENDER_CEPAT' ELSE 'TENDER' END AS method,
          (round(exp(ln(2e8) + b.h * (ln(5e10) - ln(2e8))) / 1000) * 1000)::bigint AS hps,
          CASE WHEN b.year < EXTRACT(year FROM segel_now())::int
            THEN make_timestamptz(b.year, 1 + (b.r * 10)::int, 1 + (b.s * 27)::int, 9, 0, 0, 'Asia/Jakarta')
            ELSE date_trunc('hour', segel_now()) - make_interval(days => (b.r * 330)::int - 5, hours => (b.s * 23)::int) END AS start
        FROM base b
        JOIN LATERAL (SELECT id FROM "Agency" WHERE code = '${BENCH}-AG-' || lpad((1 + b.i % 60)::text, 3, '0')) ag ON true
        JOIN LATERAL (SELECT id FROM "WorkUnit" WHERE "agencyId" = ag.id ORDER BY code OFFSET (b.i / 60) % 5 LIMIT 1) wu ON true
        JOIN LATERAL (SELECT id FROM "Pokja" WHERE "agencyId" = ag.id LIMIT 1) pk ON true
      )
      SELECT p.*, gen_random_uuid() AS "paketId", gen_random_uuid() AS "tenderId", proc.id AS "procedureId", proc.stages
      FROM placed p
      JOIN LATERAL (SELECT id, stages FROM "ProcedureConfig" c WHERE c.method::text = p.method
        AND p.category = ANY (c.categories::text[]) ORDER BY key LIMIT 1) proc ON true`);

    await client.query("ANALYZE bench_t");
    // Schedules: each stage starts where the one before it ended.
    await client.query(`
      CREATE TEMP TABLE bench_s ON COMMIT DROP AS
      SELECT t."tenderId", (e.ord - 1)::int AS position, (e.s->>'kind') AS kind,
        t.start + make_interval(days => (coalesce(sum((e.s->>'days')::int) OVER w, 0) - (e.s->>'days')::int)::int) AS "startsAt",
        t.start + make_interval(days => (sum((e.s->>'days')::int) OVER w)::int) AS "endsAt"
      FROM bench_t t, jsonb_array_elements(t.stages::jsonb) WITH ORDINALITY e(s, ord)
      WINDOW w AS (PARTITION BY t."tenderId" ORDER BY e.ord)`);
    // Status follows the clock: running tenders by their stage, older ones mostly done.
    await client.query(`
      ALTER TABLE bench_t ADD COLUMN status text, ADD COLUMN deadline timestamptz, ADD COLUMN finish timestamptz;
      UPDATE bench_t t SET deadline = d.deadline, finish = d.finish FROM (
        SELECT "tenderId", max("endsAt") FILTER (WHERE kind = 'UPLOAD_PENAWARAN') AS deadline,
          max("endsAt") FILTER (WHERE kind = 'PENETAPAN_PEMENANG') AS award, max("endsAt") AS finish FROM bench_s GROUP BY 1) d
      WHERE d."tenderId" = t."tenderId";
      UPDATE bench_t SET status = CASE
        WHEN start > segel_now() THEN 'DRAFT'
        WHEN segel_now() < deadline THEN 'PUBLISHED'
        WHEN (i * 7919) % 100 < 6 THEN 'FAILED'
        WHEN (i * 7919) % 100 < 9 THEN 'CANCELLED'
        WHEN segel_now() < finish - interval '4 days' THEN 'EVALUATION'
        WHEN segel_now() < finish THEN 'AWARDED'
        ELSE 'COMPLETED' END`);
    // the PPK every bench paket names, who also sent every winning bid (foreign keys since
    // migration 20261208100000)
    await client.query(`
      INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
      VALUES ('${BENCH_USER}', 'ppk@bench.test', 'PPK Bench', 'not-a-password', now()) ON CONFLICT (id) DO NOTHING`);
    await client.query(`
      INSERT INTO "Paket" (id, "agencyId", "workUnitId", "rupCode", name, category, "fiscalYear", "fundingSource", pagu, hps, method, location, status, "createdById", "createdAt", "updatedAt")
      SELECT "paketId", "agencyId", "workUnitId", 'B' || lpad(i::text, 8, '0'), name, category::"ProcurementCategory", year,
        'APBD ' || year, hps + hps / 50, hps, method::"ProcurementMethod", 'Lokasi paket ' || i,
        (CASE WHEN status = 'DRAFT' THEN 'HANDED_OVER' WHEN status = 'COMPLETED' THEN 'COMPLETED' WHEN status = 'CANCELLED' THEN 'CANCELLED' ELSE 'IN_SELECTION' END)::"PaketStatus",
        '${BENCH_USER}', start - interval '14 days', start
      FROM bench_t`);
    await client.query(`
      INSERT INTO "Tender" (id, "paketId", code, method, status, "evaluationMethod", "pokjaId", "procedureId", qualification,
        "publishedAt", "failureKind", "failedAt", "endReason", "awardedAt", "announcedAt", "completedAt", "createdAt", "updatedAt")
      SELECT "tenderId", "paketId", '9' || year || lpad(i::text, 7, '0'), method::"ProcurementMethod",
        (CASE WHEN status IN ('AWARDED', 'COMPLETED') THEN 'EVALUATION' WHEN status = 'CANCELLED' THEN 'PUBLISHED' ELSE status END)::"TenderStatus",
        (CASE WHEN category = 'JASA_KONSULTANSI' THEN 'SISTEM_NILAI' ELSE 'HARGA_TERENDAH' END)::"EvaluationMethod", "pokjaId", "procedureId",
        'Memiliki NIB dan izin usaha sesuai KBLI; pengalaman sejenis dalam 4 tahun terakhir.',
        CASE WHEN status <> 'DRAFT' THEN start END,
        CASE WHEN status = 'FAILED' THEN 'NO_BIDS'::"TenderFailureKind" END, CASE WHEN status = 'FAILED' THEN deadline END,
        CASE WHEN status = 'FAILED' THEN 'Tidak ada penawaran yang masuk (tender gagal).' WHEN status = 'CANCELLED' THEN 'Dibatalkan karena anggaran direalokasi.' END,
        NULL, NULL, NULL, start - interval '7 days', start
      FROM bench_t`);
    // PostgreSQL ties each status to its stamps (migration 20261208100000): an awarded
    // tender names a bid of its own as winner, so those tenders get one and are then
    // awarded; a cancelled one has cancelledAt where the column exists (older checkouts
    // compared with --root do not have it).
    await client.query(`
      INSERT INTO "Bid" (id, "tenderId", "vendorId", "submittedById", "idempotencyKey", "sealedPrice", "priceCommitment",
        "submittedAt", receipt, "receiptSignature", "openedPrice")
      SELECT gen_random_uuid(), t."tenderId", v.id, '${BENCH_USER}', 'bench-' || t.i, '\\x00', repeat('0', 64),
        t.deadline - interval '1 hour', '{}', 'bench', t.hps - t.hps / 20
      FROM bench_t t JOIN "Vendor" v ON v.npwp = '9' || lpad((1 + (t.i * 7 + 389) % ${vendors})::text, 14, '0')
      WHERE t.status IN ('AWARDED', 'COMPLETED')`);
    await client.query(`
      UPDATE "Tender" r SET status = t.status::"TenderStatus", "openedAt" = t.deadline, "winnerBidId" = b.id,
        "awardedAt" = t.finish - interval '4 days', "announcedAt" = t.finish - interval '4 days',
        "sppbjIssuedAt" = CASE WHEN t.status = 'COMPLETED' THEN t.finish END, "completedAt" = CASE WHEN t.status = 'COMPLETED' THEN t.finish END
      FROM bench_t t JOIN "Bid" b ON b."tenderId" = t."tenderId"
      WHERE r.id = t."tenderId" AND t.status IN ('AWARDED', 'COMPLETED')`);
    const { rows: cancelledAt } = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Tender' AND column_name = 'cancelledAt'`,
    );
    await client.query(`
      UPDATE "Tender" r SET status = 'CANCELLED'${cancelledAt.length ? `, "cancelledAt" = t.start + interval '3 days'` : ""}
      FROM bench_t t WHERE r.id = t."tenderId" AND t.status = 'CANCELLED'`);
    // A row trigger copies each bid deadline into its tender (from migration 20261207100000):
    // a million stage rows would fire 100,000 single-row updates. Triggers are off for this
    // one insert (the owner is a superuser on the throwaway cluster), and the tenders'
    // copies are recomputed once, set-based, where the trigger exists.
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(`
      INSERT INTO "TenderStage" (id, "tenderId", kind, position, "startsAt", "endsAt")
      SELECT gen_random_uuid(), "tenderId", kind::"StageKind", position, "startsAt", "endsAt" FROM bench_s`);
    await client.query("SET LOCAL session_replication_role = origin");
    const { rows: listTrigger } = await client.query(
      `SELECT 1 FROM pg_proc WHERE proname = 'segel_stage_bid_deadline'`,
    );
    if (listTrigger.length) {
      // fresh statistics first: the trigger's lookups were planned when the tables were empty
      await client.query(`ANALYZE "Paket"; ANALYZE "TenderStage"`);
      await client.query(`UPDATE "Tender" t SET "paketId" = t."paketId" FROM bench_t b WHERE b."tenderId" = t.id`);
    }

    // Participants: a few on most tenders, and the crowd on one running tender.
    const { rows: picked } = await client.query(`
      SELECT t."tenderId", t.start, '9' || t.year || lpad(t.i::text, 7, '0') AS code FROM bench_t t
      WHERE t.status = 'PUBLISHED' AND t.deadline > segel_now() + interval '1 day' ORDER BY t.i LIMIT 2`);
    if (picked.length < 2) throw new Error("too few running tenders to pick the crowd and the normal tender");
    await client.query(
      `
      INSERT INTO "TenderParticipant" ("tenderId", "vendorId", "registeredAt")
      SELECT t."tenderId", v.id, t.start + interval '1 day' FROM bench_t t
      CROSS JOIN generate_series(1, 6) k
      JOIN "Vendor" v ON v.npwp = '9' || lpad((1 + (t.i * 7 + k * 389) % ${vendors})::text, 14, '0')
      WHERE t.status <> 'DRAFT' AND k <= t.i % 7 AND t."tenderId" <> $1`,
      [picked[0].tenderId],
    );
    await client.query(
      `
      INSERT INTO "TenderParticipant" ("tenderId", "vendorId", "registeredAt")
      SELECT $1::uuid, v.id, $2::timestamptz + make_interval(secs => v.n)
      FROM (SELECT id, row_number() OVER (ORDER BY npwp)::int AS n FROM "Vendor" WHERE npwp ~ '^9[0-9]{14}$' LIMIT ${crowd}) v`,
      [picked[0].tenderId, picked[0].start],
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return {
      tenders: total,
      crowdCode: picked[0].code,
      normalCode: picked[1].code,
      normalId: picked[1].tenderId,
      crowd,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { "database-url": { type: "string" }, tenders: { type: "string" }, crowd: { type: "string" } },
  });
  const url = values["database-url"] ?? process.env.DATABASE_URL;
  if (!url) throw new Error("--database-url or DATABASE_URL is required");
  console.log(
    JSON.stringify(
      await seedVolume(url, {
        tenders: values.tenders ? Number(values.tenders) : undefined,
        crowd: values.crowd ? Number(values.crowd) : undefined,
      }),
    ),
  );
}
