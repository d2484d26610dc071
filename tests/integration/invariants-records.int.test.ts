import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeAgency, makeAwardedTender, makePaket, makeUser, seedReference } from "@/tests/factories";
import { db } from "@/server/db";
import { check, foreignKey, refusal, unique, WRITERS, type Refusal } from "./invariant-sql";

// Money, documents, sanggah, penunjukan langsung, roles and procedures (migrations
// 20261208100000_invariants and 20261208100100_decision_enums, decision 0022), tried with
// raw SQL from the application's role and from the owner.

type Statement = { sql: string; values: unknown[] };
const sql = (text: string, ...values: unknown[]): Statement => ({ sql: text, values });

async function expectRefused(cases: [Statement, Refusal][]) {
  for (const [statement, expected] of cases) {
    for (const writer of WRITERS)
      expect(
        await refusal(writer, statement.sql, statement.values),
        `${writer}: ${statement.sql} ${JSON.stringify(statement.values)}`,
      ).toEqual(expected);
  }
}

const DOCUMENT = `INSERT INTO "Document" (id, kind, "fileName", "mimeType", "sizeBytes", sha256, "storageKey", "paketId", "tenderId", "vendorId", "sanggahId")
  VALUES (gen_random_uuid(), 'LAINNYA', 'bukti.pdf', 'application/pdf', 1, $1, gen_random_uuid()::text, $2, $3, $4, $5)`;
const document = (owners: { paketId?: string; tenderId?: string; vendorId?: string; sanggahId?: string }) =>
  sql(
    DOCUMENT,
    "0".repeat(64),
    owners.paketId ?? null,
    owners.tenderId ?? null,
    owners.vendorId ?? null,
    owners.sanggahId ?? null,
  );

const SANGGAH = `INSERT INTO "Sanggah" (id, "tenderId", "vendorId", kind, "appealOfId", body, "bondAmount", "filedAt")
  VALUES ($1, $2, $3, $4::"SanggahKind", $5, 'Evaluasi kualifikasi tidak sesuai dokumen pemilihan.', $6, now())`;
const sanggah = (row: {
  id?: string;
  tenderId: string;
  vendorId: string;
  kind: "SANGGAH" | "SANGGAH_BANDING";
  appealOfId?: string | null;
  bond?: bigint | null;
}) =>
  sql(
    SANGGAH,
    row.id ?? randomUUID(),
    row.tenderId,
    row.vendorId,
    row.kind,
    row.appealOfId ?? null,
    row.bond?.toString() ?? null,
  );

describe("money in PostgreSQL", () => {
  it("refuses an HPS of zero or above the pagu, and a volume below 1; accepts an HPS equal to the pagu", async () => {
    const paket = await makePaket(await makeAgency(), (await makeUser()).id, { pagu: 500_000_000n, hps: 480_000_000n });
    await db.hpsItem.create({
      data: { paketId: paket.id, position: 0, description: "Semen", unit: "sak", quantity: 1, unitPrice: 1n },
    });
    await expectRefused([
      [sql(`UPDATE "Paket" SET hps = 0 WHERE id = $1`, paket.id), check("Paket_hps_rupiah")],
      [sql(`UPDATE "Paket" SET hps = 500000001 WHERE id = $1`, paket.id), check("Paket_hps_within_pagu")],
      [sql(`UPDATE "Paket" SET pagu = 479999999 WHERE id = $1`, paket.id), check("Paket_hps_within_pagu")],
      [sql(`UPDATE "HpsItem" SET quantity = 0 WHERE "paketId" = $1`, paket.id), check("HpsItem_quantity_positive")],
    ]);
    expect(await refusal("app", `UPDATE "Paket" SET hps = pagu WHERE id = $1`, [paket.id])).toBeNull();
  });
});

describe("a document's one owner in PostgreSQL", () => {
  it("refuses a document with no owner or two, and sanggah evidence naming another tender or vendor", async () => {
    const { tender, paket, winner, losers } = await makeAwardedTender();
    const objection = randomUUID();
    expect(
      await refusal(
        "app",
        sanggah({ id: objection, tenderId: tender.id, vendorId: losers[0]!.vendorId, kind: "SANGGAH" }).sql,
        sanggah({ id: objection, tenderId: tender.id, vendorId: losers[0]!.vendorId, kind: "SANGGAH" }).values,
      ),
    ).toBeNull();
    await expectRefused([
      [document({}), check("Document_one_owner")],
      [document({ paketId: paket.id, tenderId: tender.id }), check("Document_one_owner")],
      [document({ tenderId: tender.id, vendorId: winner.vendorId }), check("Document_one_owner")],
      [document({ sanggahId: objection }), check("Document_one_owner")],
      [
        document({ sanggahId: objection, tenderId: tender.id, vendorId: losers[0]!.vendorId, paketId: paket.id }),
        check("Document_one_owner"),
      ],
      [
        document({ sanggahId: objection, tenderId: tender.id, vendorId: winner.vendorId }),
        foreignKey("Document_sanggahId_tenderId_vendorId_fkey"),
      ],
    ]);
    for (const owners of [
      { paketId: paket.id },
      { tenderId: tender.id },
      { vendorId: winner.vendorId },
      { sanggahId: objection, tenderId: tender.id, vendorId: losers[0]!.vendorId },
    ]) {
      const statement = document(owners);
      expect(await refusal("app", statement.sql, statement.values), JSON.stringify(owners)).toBeNull();
    }
  });
});

describe("sanggah and banding in PostgreSQL", () => {
  it("refuses a sanggah with a bond or an appeal, a banding without them, a second banding of one sanggah, and an unknown answerer", async () => {
    const { tender, losers } = await makeAwardedTender({ category: "PEKERJAAN_KONSTRUKSI", losers: 2 });
    const { tender: other } = await makeAwardedTender({ category: "PEKERJAAN_KONSTRUKSI" });
    const vendorId = losers[0]!.vendorId;
    const objection = randomUUID();
    const filed = sanggah({ id: objection, tenderId: tender.id, vendorId, kind: "SANGGAH" });
    expect(await refusal("app", filed.sql, filed.values)).toBeNull();
    await expectRefused([
      [sanggah({ tenderId: tender.id, vendorId, kind: "SANGGAH", bond: 4_800_000n }), check("Sanggah_banding_shape")],
      [
        sanggah({ tenderId: tender.id, vendorId, kind: "SANGGAH", appealOfId: objection }),
        check("Sanggah_banding_shape"),
      ],
      [
        sanggah({ tenderId: tender.id, vendorId, kind: "SANGGAH_BANDING", appealOfId: objection }),
        check("Sanggah_banding_shape"),
      ],
      [
        sanggah({ tenderId: tender.id, vendorId, kind: "SANGGAH_BANDING", bond: 4_800_000n }),
        check("Sanggah_banding_shape"),
      ],
      [
        sanggah({ tenderId: tender.id, vendorId, kind: "SANGGAH_BANDING", appealOfId: objection, bond: 0n }),
        check("Sanggah_banding_shape"),
      ],
      [
        sanggah({ tenderId: tender.id, vendorId, kind: "SANGGAH_BANDING", appealOfId: randomUUID(), bond: 4_800_000n }),
        foreignKey("Sanggah_appealOfId_tenderId_vendorId_fkey"),
      ],
      // a banding of another vendor's sanggah, and one filed on another tender
      [
        sanggah({
          tenderId: tender.id,
          vendorId: losers[1]!.vendorId,
          kind: "SANGGAH_BANDING",
          appealOfId: objection,
          bond: 4_800_000n,
        }),
        foreignKey("Sanggah_appealOfId_tenderId_vendorId_fkey"),
      ],
      [
        sanggah({ tenderId: other.id, vendorId, kind: "SANGGAH_BANDING", appealOfId: objection, bond: 4_800_000n }),
        foreignKey("Sanggah_appealOfId_tenderId_vendorId_fkey"),
      ],
      [
        sql(`UPDATE "Sanggah" SET "answeredById" = $2 WHERE id = $1`, objection, randomUUID()),
        foreignKey("Sanggah_answeredById_fkey"),
      ],
    ]);
    const banding = sanggah({
      tenderId: tender.id,
      vendorId,
      kind: "SANGGAH_BANDING",
      appealOfId: objection,
      bond: 4_800_000n,
    });
    expect(await refusal("app", banding.sql, banding.values)).toBeNull();
    await expectRefused([
      [
        sanggah({ tenderId: tender.id, vendorId, kind: "SANGGAH_BANDING", appealOfId: objection, bond: 4_800_000n }),
        unique("Sanggah_appealOfId_key"),
      ],
    ]);
  });

  it("keeps the previous release's isAccepted and the decision equal, whichever is written", async () => {
    const { tender, losers } = await makeAwardedTender();
    const [a, b] = [randomUUID(), randomUUID()];
    for (const [id, loser] of [
      [a, losers[0]!],
      [b, losers[0]!],
    ] as const) {
      const row = sanggah({ id, tenderId: tender.id, vendorId: loser.vendorId, kind: "SANGGAH" });
      expect(await refusal("app", row.sql, row.values)).toBeNull();
    }
    const read = (id: string) =>
      db.sanggah.findUniqueOrThrow({ where: { id }, select: { decision: true, isAccepted: true } });
    // the previous release writes the boolean only
    await refusal("app", `UPDATE "Sanggah" SET "isAccepted" = true WHERE id = $1`, [a]);
    expect(await read(a)).toEqual({ decision: "ACCEPTED", isAccepted: true });
    // this release writes the decision only
    await db.sanggah.update({ where: { id: b }, data: { decision: "REJECTED" } });
    expect(await read(b)).toEqual({ decision: "REJECTED", isAccepted: false });
    await refusal("app", `UPDATE "Sanggah" SET "isAccepted" = NULL, decision = 'ACCEPTED' WHERE id = $1`, [b]);
    expect(await read(b)).toEqual({ decision: "ACCEPTED", isAccepted: true });
  });
});

describe("penunjukan langsung, non-tender records, evaluations and schedules point at real rows", () => {
  it("refuses ids of nothing, from the application and the owner", async () => {
    const { tender, paket, winner, pokja } = await makeAwardedTender();
    const request = randomUUID();
    const insertRequest = (over: { paketId?: string; vendorId?: string | null; requestedById?: string }) =>
      sql(
        `INSERT INTO "PenunjukanLangsung" (id, "failedTenderId", "paketId", "vendorId", justification, "requestedById", "requestedAt") VALUES ($1, $2, $3, $4, 'Tender ulang gagal.', $5, now())`,
        randomUUID(),
        tender.id,
        over.paketId ?? paket.id,
        over.vendorId === undefined ? winner.vendorId : over.vendorId,
        over.requestedById ?? pokja.userId,
      );
    const nobody = randomUUID();
    const agency = await makeAgency();
    await expectRefused([
      [insertRequest({ paketId: nobody }), foreignKey("PenunjukanLangsung_paketId_fkey")],
      [insertRequest({ vendorId: nobody }), foreignKey("PenunjukanLangsung_vendorId_fkey")],
      [insertRequest({ requestedById: nobody }), foreignKey("PenunjukanLangsung_requestedById_fkey")],
      [
        sql(
          `INSERT INTO "NonTenderRecord" (id, "agencyId", "workUnitId", name, category, kind, reason, value, "vendorName", "realizedOn", "recordedById", "recordedAt")
        VALUES (gen_random_uuid(), $1, $2, 'Perbaikan pompa', 'JASA_LAINNYA', 'DARURAT', 'Banjir.', 1000000, 'CV Uji', now(), $3, now())`,
          agency.id,
          nobody,
          pokja.userId,
        ),
        foreignKey("NonTenderRecord_workUnitId_fkey"),
      ],
      [
        sql(
          `INSERT INTO "Evaluation" (id, "tenderId", "bidId", stage, passed, reason, "decidedById", "decidedAt") VALUES (gen_random_uuid(), $1, $2, 'ADMINISTRASI', true, 'Lengkap.', $3, now())`,
          tender.id,
          winner.bid.id,
          nobody,
        ),
        foreignKey("Evaluation_decidedById_fkey"),
      ],
    ]);
    const row = insertRequest({});
    row.values[0] = request;
    expect(await refusal("app", row.sql, row.values)).toBeNull();
    // the decision and the previous release's boolean stay equal here too
    await refusal("app", `UPDATE "PenunjukanLangsung" SET "isApproved" = false WHERE id = $1`, [request]);
    expect(
      await db.penunjukanLangsung.findUniqueOrThrow({
        where: { id: request },
        select: { decision: true, isApproved: true },
      }),
    ).toEqual({ decision: "REFUSED", isApproved: false });
    await expectRefused([
      [
        sql(`UPDATE "PenunjukanLangsung" SET "approvedById" = $2 WHERE id = $1`, request, nobody),
        foreignKey("PenunjukanLangsung_approvedById_fkey"),
      ],
    ]);
  });

  it("has a foreign key on every *Id column but the audit trail's and the public list's copies", async () => {
    const columns = await db.$queryRaw<{ col: string }[]>`
      SELECT c.table_name || '.' || c.column_name AS col FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name ~ 'Id$' AND c.column_name <> 'id'
        AND NOT EXISTS (
          SELECT 1 FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
          WHERE k.contype = 'f' AND k.conrelid = format('%I', c.table_name)::regclass AND a.attname = c.column_name)
      ORDER BY 1`;
    // the audit trail names any actor and entity, and outlives them; the public list's
    // agency is a trigger's copy of its paket's (migration 20261207100000); a drill names the
    // set on disk it restored, which a restored database may predate (decision 0039); an
    // imported tender names its id and its audit events' entities on the source (decision 0040);
    // an OCDS release's id is its public identifier, not a row's (decision 0041)
    expect(columns.map((c) => c.col)).toEqual([
      "AuditEvent.actorId",
      "AuditEvent.entityId",
      "AuditLegacyEvent.actorId",
      "AuditLegacyEvent.entityId",
      "ImportedAuditEvent.entityId",
      "ImportedTender.sourceTenderId",
      "OcdsRelease.releaseId",
      "RestoreDrill.setId",
      "Tender.paketAgencyId",
    ]);
  });
});

describe("roles and procedures in PostgreSQL", () => {
  it("holds an instance-wide role once per user (NULLS NOT DISTINCT), an agency role once per agency", async () => {
    const admin = await makeUser([{ role: "ADMIN_LPSE" }]);
    const agency = await makeAgency();
    const member = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const grant = (userId: string, role: string, agencyId: string | null) =>
      sql(
        `INSERT INTO "RoleMembership" (id, "userId", role, "agencyId") VALUES (gen_random_uuid(), $1, $2::"Role", $3)`,
        userId,
        role,
        agencyId,
      );
    await expectRefused([
      [grant(admin.id, "ADMIN_LPSE", null), unique("RoleMembership_one_unrevoked_grant")],
      [grant(member.id, "POKJA", agency.id), unique("RoleMembership_one_unrevoked_grant")],
    ]);
    expect(
      await refusal(
        "app",
        grant(member.id, "POKJA", (await makeAgency()).id).sql,
        grant(member.id, "POKJA", (await makeAgency()).id).values,
      ),
    ).toBeNull();
    expect(
      await refusal("app", grant(member.id, "AUDITOR", null).sql, grant(member.id, "AUDITOR", null).values),
    ).toBeNull();
  });

  it("refuses procedure stages that are not a list of known stage kinds with whole, non-negative lengths", async () => {
    const [procedure] = await seedReference();
    const set = (stages: unknown) =>
      sql(`UPDATE "ProcedureConfig" SET stages = $2::jsonb WHERE id = $1`, procedure!.id, JSON.stringify(stages));
    const shape = check("ProcedureConfig_stages_shape");
    await expectRefused([
      [set({ kind: "PENGUMUMAN" }), shape],
      [set([]), shape],
      [set(["PENGUMUMAN"]), shape],
      [set([{ days: 3 }]), shape],
      [set([{ kind: "PEMBUKAAN_SAMPUL_TIGA", days: 1 }]), shape],
      [set([{ kind: "PENGUMUMAN", days: -1 }]), shape],
      [set([{ kind: "PENGUMUMAN", days: "3" }]), shape],
      [set([{ kind: "PENGUMUMAN", days: 1, minHours: 1.5 }]), shape],
      [set([{ kind: "PENGUMUMAN", days: 1, minHours: 24, basis: 7 }]), shape],
    ]);
    // what the installation ships is accepted as it is
    expect(await refusal("app", `UPDATE "ProcedureConfig" SET stages = stages`)).toBeNull();
    expect(
      await refusal(
        "app",
        set([{ kind: "PENGUMUMAN", days: 3, minHours: 72, basis: "Perlem LKPP 12/2021" }]).sql,
        set([{ kind: "PENGUMUMAN", days: 3, minHours: 72, basis: "Perlem LKPP 12/2021" }]).values,
      ),
    ).toBeNull();
  });
});
