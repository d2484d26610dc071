import { randomUUID } from "node:crypto";
import type { ProcurementMethod, Role, TenderStatus } from "@/generated/prisma/enums";
import { procedureFor } from "@/modules/tenders/domain/procedure";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import type { Actor } from "@/modules/auth/domain/permissions";
import { hashPassword } from "@/modules/auth/server/password";
import { db } from "@/server/db";

// Builders of valid data. Every call makes unique codes and e-mails, so tests never
// depend on each other or on the seed.
const unique = () => randomUUID().slice(0, 8);

export const TEST_PASSWORD = "Rahasia#Uji2026";
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export async function makeLpse() {
  const code = `LPSE-${unique()}`;
  return db.lpseInstance.create({ data: { code, name: `LPSE Uji ${code}` } });
}

export async function makeAgency(overrides: { timeZone?: string; name?: string } = {}) {
  const lpse = await makeLpse();
  const code = `AG-${unique()}`;
  return db.agency.create({
    data: {
      lpseId: lpse.id,
      code,
      name: overrides.name ?? `Pemerintah Kabupaten Uji ${code}`,
      kind: "PEMDA_KABUPATEN",
      timeZone: overrides.timeZone ?? "Asia/Jakarta",
      workUnits: { create: { code: `SK-${unique()}`, name: "Dinas Pekerjaan Umum" } },
    },
    include: { workUnits: true },
  });
}

export async function makeUser(roles: { role: Role; agencyId?: string | null }[] = [], overrides: { isDisabled?: boolean; vendorId?: string } = {}) {
  return db.user.create({
    data: {
      email: `pengguna-${unique()}@uji.segel.test`,
      name: `Pengguna Uji ${unique()}`,
      passwordHash: await testPasswordHash(),
      isDisabled: overrides.isDisabled ?? false,
      vendorId: overrides.vendorId,
      memberships: { create: roles.map((r) => ({ role: r.role, agencyId: r.agencyId ?? null })) },
    },
    include: { memberships: true },
  });
}

/** An Actor as the session would build it, without going through sign-in. */
export function actorFor(user: Awaited<ReturnType<typeof makeUser>>): Actor {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    memberships: user.memberships.map((m) => ({ role: m.role, agencyId: m.agencyId })),
    vendorId: user.vendorId,
    sessionId: null,
    ip: "127.0.0.1",
    userAgent: "vitest",
    locale: "id",
  };
}

export async function makeActor(role: Role, agencyId: string | null = null): Promise<Actor> {
  return actorFor(await makeUser([{ role, agencyId }]));
}

export async function makePaket(
  agency: Awaited<ReturnType<typeof makeAgency>>,
  createdById: string,
  overrides: Partial<{ category: "BARANG" | "PEKERJAAN_KONSTRUKSI" | "JASA_KONSULTANSI" | "JASA_LAINNYA"; pagu: bigint; hps: bigint | null; status: "DRAFT" | "HANDED_OVER" | "IN_SELECTION" }> = {},
) {
  return db.paket.create({
    data: {
      agencyId: agency.id,
      workUnitId: agency.workUnits[0]!.id,
      rupCode: `RUP-${unique()}`,
      name: `Pengadaan Uji ${unique()}`,
      category: overrides.category ?? "BARANG",
      fiscalYear: 2026,
      fundingSource: "APBD 2026",
      pagu: overrides.pagu ?? 500_000_000n,
      hps: overrides.hps === undefined ? 480_000_000n : overrides.hps,
      location: "Kota Uji",
      status: overrides.status ?? "DRAFT",
      createdById,
    },
  });
}

/** A minimal, valid PDF: what the tests upload as a document. */
export const PDF_BYTES = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * The method rules and procedure configurations every installation has (tables are
 * emptied before each test, so a test that needs them calls this).
 */
export async function seedReference() {
  await seedReferenceData(db);
  return db.procedureConfig.findMany();
}

/** A tender of the paket, with the procedure its method and category call for. */
export async function makeTender(
  paket: Awaited<ReturnType<typeof makePaket>>,
  overrides: Partial<{ pokjaId: string; status: TenderStatus; method: ProcurementMethod; publishedAt: Date | null }> = {},
) {
  const method = overrides.method ?? (paket.category === "JASA_KONSULTANSI" ? "SELEKSI" : "TENDER");
  const procedures = await db.procedureConfig.findMany();
  const procedure = procedureFor(procedures.length ? procedures : await seedReference(), method, paket.category)!;
  return db.tender.create({
    data: {
      paketId: paket.id,
      code: `T${Date.now()}${unique()}`.slice(0, 20),
      method,
      procedureId: procedure.id,
      pokjaId: overrides.pokjaId,
      status: overrides.status ?? "DRAFT",
      publishedAt: overrides.publishedAt ?? null,
    },
  });
}
