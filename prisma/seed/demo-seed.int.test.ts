import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findPublicAward } from "@/modules/award/server/find-public-award";
import { ownerDatabaseUrl, sqlAsOwner } from "@/tests/setup/owner-sql";
import { PAKETS, type DemoStory } from "./demo-procurement";

// The demo seed as `npm start` runs it (its own process, as the owner of the tables) on a
// fresh database: each tender's status has what it implies, the clock offset it moved is
// back at 0, and a second run changes nothing.

const root = path.resolve(import.meta.dirname, "../..");

async function runSeed() {
  const { stdout } = await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "prisma/seed.ts"],
    { cwd: root, env: { ...process.env, DATABASE_URL: ownerDatabaseUrl() }, timeout: 400_000 },
  );
  return stdout;
}

interface TenderFacts {
  id: string;
  status: string;
  stage: string | null;
  documents: number;
  participants: number;
  bids: number;
  opened: number;
  approvals: number;
  threshold: number | null;
  evaluations: number;
  winnerIsOwn: boolean;
  announced: boolean;
  adoptedApprovals: number;
  sppbj: number;
  failureKind: string | null;
  extensions: number;
}

const facts = async (code: string): Promise<TenderFacts> =>
  (
    await sqlAsOwner<TenderFacts>(
      `SELECT t.id, t.status::text,
        (SELECT s.kind::text FROM "TenderStage" s WHERE s."tenderId" = t.id AND s."startsAt" <= now() AND s."endsAt" > now()) AS stage,
        (SELECT count(*)::int FROM "Document" d WHERE d."tenderId" = t.id AND d.kind = 'DOKUMEN_PEMILIHAN' AND d."isPublic") AS documents,
        (SELECT count(*)::int FROM "TenderParticipant" p WHERE p."tenderId" = t.id) AS participants,
        (SELECT count(*)::int FROM "Bid" b WHERE b."tenderId" = t.id AND b.status = 'SUBMITTED') AS bids,
        (SELECT count(*)::int FROM "Bid" b WHERE b."tenderId" = t.id AND b."openedPrice" IS NOT NULL) AS opened,
        (SELECT count(*)::int FROM "OpeningApproval" a WHERE a."tenderId" = t.id) AS approvals,
        (SELECT k.threshold FROM "TenderOpeningKey" k WHERE k."tenderId" = t.id) AS threshold,
        (SELECT count(*)::int FROM "Evaluation" e JOIN "Bid" b ON b.id = e."bidId" WHERE b."tenderId" = t.id) AS evaluations,
        EXISTS (SELECT 1 FROM "Bid" b WHERE b.id = t."winnerBidId" AND b."tenderId" = t.id) AS "winnerIsOwn",
        t."announcedAt" IS NOT NULL AS announced,
        (SELECT count(*)::int FROM "WinnerApproval" w JOIN "WinnerProposal" p ON p.id = w."proposalId"
          WHERE p."tenderId" = t.id AND p."adoptedAt" IS NOT NULL AND w.decision = 'APPROVE') AS "adoptedApprovals",
        (SELECT count(*)::int FROM "Document" d WHERE d."tenderId" = t.id AND d.kind = 'SPPBJ') AS sppbj,
        t."failureKind"::text AS "failureKind", t."deadlineExtensions" AS extensions
      FROM "Tender" t WHERE t.code = $1`,
      [code],
    )
  )[0]!;

/** What each story's status implies, checked on the seeded rows. */
const expectations: Record<DemoStory, (f: TenderFacts, bids: number) => void> = {
  DRAFT: (f) => expect(f).toMatchObject({ status: "DRAFT", documents: 0 }),
  ANNOUNCED: (f) => {
    expect(f.status).toBe("PUBLISHED");
    expect(f.documents).toBeGreaterThan(0);
    expect(f.threshold).toBe(2);
  },
  BIDDING: (f, bids) => {
    expect(f).toMatchObject({ status: "PUBLISHED", stage: "UPLOAD_PENAWARAN", bids, opened: 0 });
    expect(f.documents).toBeGreaterThan(0);
    expect(f.participants).toBeGreaterThan(bids);
  },
  OPENED: (f, bids) => {
    expect(f).toMatchObject({ status: "EVALUATION", bids, opened: bids, winnerIsOwn: false });
    expect(f.approvals).toBeGreaterThanOrEqual(f.threshold!);
    expect(f.evaluations).toBeGreaterThan(0);
  },
  AWARDED: (f, bids) => {
    expect(f).toMatchObject({ status: "AWARDED", stage: "MASA_SANGGAH", bids, opened: bids, winnerIsOwn: true });
    expect(f).toMatchObject({ announced: true, sppbj: 0 });
    expect(f.approvals).toBeGreaterThanOrEqual(f.threshold!);
    expect(f.adoptedApprovals).toBeGreaterThanOrEqual(2);
  },
  CONTRACTED: (f, bids) => {
    expect(f).toMatchObject({ status: "COMPLETED", bids, opened: bids, winnerIsOwn: true, announced: true, sppbj: 1 });
    expect(f.adoptedApprovals).toBeGreaterThanOrEqual(2);
  },
  FAILED: (f) => expect(f).toMatchObject({ status: "FAILED", failureKind: "NO_BIDS", extensions: 1, bids: 0 }),
  SHORTLISTED: (f) => expect(f).toMatchObject({ status: "PUBLISHED", stage: "SANGGAH_PRAKUALIFIKASI", bids: 0 }),
};

const counts = async () =>
  (
    await sqlAsOwner<{ events: number; tenders: number; bids: number; documents: number }>(
      `SELECT (SELECT count(*)::int FROM "AuditEvent") AS events, (SELECT count(*)::int FROM "Tender") AS tenders,
        (SELECT count(*)::int FROM "Bid") AS bids, (SELECT count(*)::int FROM "Document") AS documents`,
    )
  )[0]!;

describe("the demo seed", () => {
  it("walks every demo tender to its story through the use cases, leaves the clock at 0, and runs once", async () => {
    const first = await runSeed();
    expect(first).toContain("Demo data seeded");
    expect(await sqlAsOwner(`SELECT "offsetMs"::int AS offset FROM "TestClockOffset"`)).toEqual([{ offset: 0 }]);

    for (const p of PAKETS.filter((p) => p.tender)) {
      const t = p.tender!;
      const f = await facts(t.code);
      expect(f, `${t.code} ${p.name}`).toBeDefined();
      const bids = (t.bids ?? []).filter((b) => !b.registeredOnly).length;
      expectations[t.story](f, bids);
      // an awarded tender's public winner page has its winner (it was a 404)
      if (t.story === "AWARDED" || t.story === "CONTRACTED")
        expect((await findPublicAward(t.code))?.winner, t.code).toBeTruthy();
    }
    // the demo signs in with a password alone (a real instance requires TOTP of staff), its addresses confirmed
    expect(await sqlAsOwner(`SELECT "requireStaffTotp" AS totp FROM "LpseInstance"`)).toEqual([{ totp: false }]);
    expect(await sqlAsOwner(`SELECT count(*)::int AS n FROM "User" WHERE "emailVerifiedAt" IS NULL`)).toEqual([
      { n: 0 },
    ]);
    // the paket without a tender went to the agency's Pejabat Pengadaan, with its KAK
    const direct = PAKETS.find((p) => !p.tender)!;
    expect(
      await sqlAsOwner(
        `SELECT p.status::text FROM "Paket" p WHERE p."rupCode" = $1 AND p."pejabatPengadaanId" IS NOT NULL
           AND EXISTS (SELECT 1 FROM "Document" d WHERE d."paketId" = p.id AND d.kind = 'KAK')`,
        [direct.rupCode],
      ),
    ).toEqual([{ status: "HANDED_OVER" }]);
    // the use cases wrote their own audit trail, in the past the seed walked through
    const trail = await sqlAsOwner<{ action: string }>(
      `SELECT DISTINCT action FROM "AuditEvent" WHERE "occurredAt" < now() - interval '1 hour'`,
    );
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "paket.created",
        "paket.handedOver",
        "tender.published",
        "bid.submitted",
        "tender.opened",
        "winnerProposal.approved",
        "tender.winnerAnnounced",
        "sppbj.issued",
      ]),
    );

    // the demo shows a red flag: its AWARDED tender's winner bid 95.04% of HPS
    expect(
      await sqlAsOwner(
        `SELECT f.code::text FROM "TenderRedFlag" f JOIN "Tender" t ON t.id = f."tenderId" WHERE t.code = '2026000007'`,
      ),
    ).toEqual(expect.arrayContaining([{ code: "PRICE_NEAR_HPS" }]));

    // issue 15: the demo shows each new feature (prisma/seed/demo-contract.ts, demo-qualification.ts)
    await expectIssue15Facts();

    const before = await counts();
    const second = await runSeed();
    expect(second).toContain("already present");
    expect(await counts()).toEqual(before);
    expect(await sqlAsOwner(`SELECT "offsetMs"::int AS offset FROM "TestClockOffset"`)).toEqual([{ offset: 0 }]);
  }, 600_000);
});

async function expectIssue15Facts() {
  // the seleksi's prakualifikasi: four applications, three passed and shortlisted, announced
  expect(
    await sqlAsOwner(
      `SELECT count(*)::int AS applied, count(*) FILTER (WHERE a.shortlisted)::int AS shortlisted,
         bool_and(t."shortlistAnnouncedAt" IS NOT NULL) AS announced
       FROM "PrequalificationApplication" a JOIN "Tender" t ON t.id = a."tenderId" WHERE t.code = '2026000003'`,
    ),
  ).toEqual([{ applied: 4, shortlisted: 3, announced: true }]);
  // structured requirements on the bidding tender, each sealed bid with its qualification form and the pact
  expect(
    await sqlAsOwner(
      `SELECT t."qualificationRequirements" IS NOT NULL AS structured,
         count(*) FILTER (WHERE b."sealedQualification" IS NOT NULL AND b."integrityPactAt" IS NOT NULL)::int AS forms
       FROM "Tender" t JOIN "Bid" b ON b."tenderId" = t.id AND b.status = 'SUBMITTED'
       WHERE t.code = '2026000012' GROUP BY t.id`,
    ),
  ).toEqual([{ structured: true, forms: 2 }]);
  // the construction contract: ACTIVE, signed by both, SPMK issued, termin I through BAST and payment
  expect(
    await sqlAsOwner(
      `SELECT c.status::text, c."spmkNumber" IS NOT NULL AS spmk,
         (SELECT count(*)::int FROM "ContractTermin" m WHERE m."contractId" = c.id AND m."bastAt" IS NOT NULL
            AND m."paidAt" IS NOT NULL) AS settled
       FROM "Contract" c JOIN "Tender" t ON t.id = c."tenderId" WHERE t.code = '2026000013'`,
    ),
  ).toEqual([{ status: "ACTIVE", spmk: true, settled: 1 }]);
  // one daftar hitam entry in force, for a company that is no demo vendor
  expect(
    await sqlAsOwner(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE e."vendorId" IS NULL)::int AS strangers
       FROM "BlacklistEntry" e WHERE e."liftedAt" IS NULL AND e."startsAt" <= now() AND e."endsAt" > now()`,
    ),
  ).toEqual([{ n: 1, strangers: 1 }]);
}
