// One OCDS release per published tender of bench/seed-volume.ts, made by the open-data builder
// (buildTenderRelease) from a public snapshot read set-based, 2,000 tenders a statement: the
// volume bench/ocds.ts reads. Bench tenders have no documents, addenda or withdrawn awards.
import pg from "pg";
import { round } from "./stats";

const SNAPSHOTS = `
  SELECT t.id, t.code, p.name, t.status::text AS status, t.method::text AS method, p.category::text AS category,
    t."evaluationMethod"::text AS "evaluationMethod", p.hps::text AS hps, p."fiscalYear" AS "fiscalYear",
    a.id AS "agencyId", a.name AS "agencyName", l."ocidPrefix" AS prefix, k.id AS "pokjaId", k.name AS "pokjaName",
    t."publishedAt", t."openedAt", t."sppbjIssuedAt", t."endReason", t."announcedAt",
    coalesce(t."completedAt", t."announcedAt", t."failedAt", t."cancelledAt", t."openedAt", t."publishedAt") AS date,
    (SELECT json_agg(json_build_object('kind', s.kind, 'startsAt', s."startsAt", 'endsAt', s."endsAt") ORDER BY s.position)
       FROM "TenderStage" s WHERE s."tenderId" = t.id) AS stages,
    CASE WHEN t."openedAt" IS NOT NULL THEN (SELECT count(*)::int FROM "Bid" b WHERE b."tenderId" = t.id) END AS "bidCount",
    w."vendorId" AS "winnerId", v.name AS "winnerName", coalesce(w."correctedPrice", w."openedPrice")::text AS "winnerPrice"
  FROM "Tender" t JOIN "Paket" p ON p.id = t."paketId" JOIN "Agency" a ON a.id = p."agencyId"
  LEFT JOIN "Pokja" k ON k.id = t."pokjaId"
  LEFT JOIN "Bid" w ON w.id = t."winnerBidId" AND t."announcedAt" IS NOT NULL LEFT JOIN "Vendor" v ON v.id = w."vendorId"
  JOIN "LpseInstance" l ON l.id = a."lpseId"
  WHERE t.status <> 'DRAFT' AND t.id > $1
    AND NOT EXISTS (SELECT 1 FROM "OcdsRelease" r WHERE r."tenderId" = t.id) -- published by the portal's seed already
  ORDER BY t.id LIMIT 2000`;

const TAGS: Record<string, string> = {
  PUBLISHED: "tender",
  EVALUATION: "tenderUpdate",
  AWARDED: "award",
  COMPLETED: "awardUpdate",
  FAILED: "tenderUpdate",
  CANCELLED: "tenderCancellation",
};

/** One release per published tender, through the builder, 2,000 a statement. */
export async function publishReleases(url: string): Promise<{ releases: number; seconds: number }> {
  const { buildTenderRelease } = await import("../../src/modules/open-data/domain");
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a query's own error is thrown where it is awaited
  await client.connect();
  let after = "00000000-0000-0000-0000-000000000000";
  let releases = 0;
  for (;;) {
    const { rows } = await client.query(SNAPSHOTS, [after]);
    if (rows.length === 0) break;
    const built = rows.map((r) => {
      const date = new Date(r.date);
      const release = buildTenderRelease(
        {
          id: r.id,
          code: r.code,
          name: r.name,
          status: r.status,
          method: r.method,
          category: r.category,
          evaluationMethod: r.evaluationMethod,
          hps: r.hps === null ? null : BigInt(r.hps),
          agency: { id: r.agencyId, name: r.agencyName },
          pokja: r.pokjaId ? { id: r.pokjaId, name: r.pokjaName } : null,
          stages: (r.stages ?? []).map((s: { kind: never; startsAt: string; endsAt: string }) => ({
            kind: s.kind,
            startsAt: new Date(s.startsAt),
            endsAt: new Date(s.endsAt),
          })),
          documents: [],
          amendments: [],
          publishedAt: r.publishedAt,
          openedAt: r.openedAt,
          sppbjIssuedAt: r.sppbjIssuedAt,
          endReason: r.endReason,
          bidCount: r.bidCount,
          validBidCount: r.winnerId ? 1 : null,
          tenderers: r.winnerId ? [{ id: r.winnerId, name: r.winnerName }] : null,
          awards: r.winnerId
            ? [
                {
                  supplier: { id: r.winnerId, name: r.winnerName },
                  value: r.winnerPrice === null ? null : BigInt(r.winnerPrice),
                  announcedAt: r.announcedAt,
                  withdrawnAt: null,
                },
              ]
            : [],
          hasBanding: false,
          previousTenderCode: null,
          transferredTo: null,
        },
        {
          prefix: r.prefix,
          position: 1,
          date,
          tags: [TAGS[r.status] as never],
          publicOrigin: "https://lpse.bench.test",
        },
      );
      return { r, release };
    });
    await client.query(
      `INSERT INTO "OcdsRelease" (ocid, "releaseId", position, tags, date, kind, "agencyId", "fiscalYear", "tenderId", data)
       SELECT o, i, 1, ARRAY[g], d, 'TENDER', a, y, t, j
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::uuid[], $6::int[], $7::uuid[], $8::jsonb[])
         AS u(o, i, g, d, a, y, t, j)`,
      [
        built.map((b) => b.release.ocid),
        built.map((b) => b.release.id),
        built.map((b) => b.release.tag[0]),
        built.map((b) => b.release.date),
        built.map((b) => b.r.agencyId),
        built.map((b) => b.r.fiscalYear),
        built.map((b) => b.r.id),
        built.map((b) => JSON.stringify(b.release)),
      ],
    );
    releases += rows.length;
    after = rows.at(-1).id;
  }
  await client.query(`VACUUM ANALYZE "OcdsRelease"`);
  await client.end();
  return { releases, seconds: round((performance.now() - started) / 1000)! };
}
