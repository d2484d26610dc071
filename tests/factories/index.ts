import { randomUUID } from "node:crypto";
import type { ProcurementMethod, Role, StageKind, TenderStatus } from "@/generated/prisma/enums";
import { procedureFor } from "@/modules/tenders/domain/procedure";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { AGENCY_ROLES, type Actor } from "@/modules/auth/domain/permissions";
import type { PaketInput } from "@/modules/paket/paket.schemas";
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
  // TOTP for staff off, as in the demo, so tests of other things sign staff in with a password;
  // the second factor's own tests turn it on (decision 0034).
  return db.lpseInstance.create({ data: { code, name: `LPSE Uji ${code}`, requireStaffTotp: false } });
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

export async function makeUser(
  roles: { role: Role; agencyId?: string | null }[] = [],
  overrides: { isDisabled?: boolean; vendorId?: string } = {},
) {
  // An agency role always belongs to an agency (CHECK RoleMembership_scope_check): make one when none is given.
  const scoped = await Promise.all(
    roles.map(async (r) =>
      AGENCY_ROLES.includes(r.role) && !r.agencyId ? { ...r, agencyId: (await makeAgency()).id } : r,
    ),
  );
  return db.user.create({
    data: {
      email: `pengguna-${unique()}@uji.segel.test`,
      name: `Pengguna Uji ${unique()}`,
      passwordHash: await testPasswordHash(),
      isDisabled: overrides.isDisabled ?? false,
      vendorId: overrides.vendorId,
      memberships: { create: scoped.map((r) => ({ role: r.role, agencyId: r.agencyId ?? null })) },
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
  overrides: Partial<{
    category: "BARANG" | "PEKERJAAN_KONSTRUKSI" | "JASA_KONSULTANSI" | "JASA_LAINNYA";
    pagu: bigint;
    hps: bigint | null;
    status: "DRAFT" | "HANDED_OVER" | "IN_SELECTION";
  }> = {},
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

/**
 * The stamps PostgreSQL ties an ended status to (migration 20261208100000_invariants): a
 * FAILED tender has failedAt, its kind and a reason; a CANCELLED one cancelledAt and a reason.
 */
function endStamps(status: TenderStatus, at: Date) {
  if (status === "FAILED")
    return { failedAt: at, failureKind: "NO_BIDS" as const, endReason: "Tidak ada penawaran yang masuk (uji)." };
  if (status === "CANCELLED")
    return { cancelledAt: at, endReason: "Tender dibatalkan karena anggaran tidak tersedia (uji)." };
  return {};
}

/** A tender of the paket, with the procedure its method and category call for. */
export async function makeTender(
  paket: Awaited<ReturnType<typeof makePaket>>,
  overrides: Partial<{
    pokjaId: string;
    status: TenderStatus;
    method: ProcurementMethod;
    publishedAt: Date | null;
  }> = {},
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
      // every status but a draft's was announced (a draft may be cancelled)
      publishedAt:
        overrides.publishedAt ?? (["DRAFT", "CANCELLED"].includes(overrides.status ?? "DRAFT") ? null : new Date()),
      ...endStamps(overrides.status ?? "DRAFT", overrides.publishedAt ?? new Date()),
    },
  });
}

/**
 * Puts an opened tender in AWARDED with `winnerBidId` (a bid of that tender) announced at
 * `announcedAt`, with the stamps PostgreSQL ties AWARDED to (opened, awarded, announced).
 */
export async function markAwarded(
  tenderId: string,
  winnerBidId: string,
  announcedAt = new Date(),
  reserve1BidId: string | null = null,
) {
  const before = (ms: number) => new Date(announcedAt.getTime() - ms);
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { publishedAt: true, openedAt: true },
  });
  return db.tender.update({
    where: { id: tenderId },
    data: {
      status: "AWARDED",
      publishedAt: tender.publishedAt ?? before(20 * 86_400_000),
      openedAt: tender.openedAt ?? before(5 * 86_400_000),
      winnerBidId,
      reserve1BidId,
      awardedAt: announcedAt,
      announcedAt,
    },
  });
}

/** A Pokja of the agency with the given members (the first is the leader). */
export async function makePokja(agency: { id: string }, memberIds: string[]) {
  return db.pokja.create({
    data: {
      agencyId: agency.id,
      name: `Pokja Pemilihan Uji ${unique()}`,
      members: { create: memberIds.map((userId, i) => ({ userId, isLeader: i === 0 })) },
    },
  });
}

/** A vendor company (penyedia); verified unless told otherwise. */
export async function makeVendor(overrides: { status?: "PENDING" | "VERIFIED" | "REJECTED"; name?: string } = {}) {
  const digits = () => String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  return db.vendor.create({
    data: {
      name: overrides.name ?? `CV Uji ${unique()}`,
      businessForm: "CV",
      npwp: `${digits()}${digits()}`,
      nib: `${digits()}${digits().slice(0, 5)}`,
      address: "Jl. Uji No. 1",
      city: "Kota Uji",
      province: "Jawa Tengah",
      email: `penyedia-${unique()}@uji.segel.test`,
      status: overrides.status ?? "VERIFIED",
    },
  });
}

/** A pengadaan langsung paket handed over to a Pejabat Pengadaan of its agency. */
export async function makeDirectPaket(overrides: { hps?: bigint | null } = {}) {
  const agency = await makeAgency();
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const pp = await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: agency.id }]);
  const paket = await makePaket(agency, ppk.id, {
    pagu: 160_000_000n,
    hps: overrides.hps === undefined ? 150_000_000n : overrides.hps,
    status: "HANDED_OVER",
  });
  await db.paket.update({
    where: { id: paket.id },
    data: { method: "PENGADAAN_LANGSUNG", pejabatPengadaanId: pp.id, handedOverAt: new Date() },
  });
  return { agency, ppk, pp, paket };
}

/**
 * A draft tender handed to a Pokja of one member (the returned `pokja` actor), in an
 * agency of the given zone; the paket as `makePaket` makes it unless overridden.
 */
export async function makePokjaTender(
  overrides: {
    timeZone?: string;
    category?: "BARANG" | "PEKERJAAN_KONSTRUKSI" | "JASA_KONSULTANSI" | "JASA_LAINNYA";
    hps?: bigint;
    pagu?: bigint;
  } = {},
) {
  const agency = await makeAgency({ timeZone: overrides.timeZone });
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  // Three members, each with an opening passphrase: publishing seals bids to a key
  // shared among them (docs/decisions/0005-sealed-bids.md).
  const members = await Promise.all([0, 1, 2].map(() => makeUser([{ role: "POKJA", agencyId: agency.id }])));
  await Promise.all(members.map((m) => makeUserOpeningKey(m.id, TEST_OPENING_PASSPHRASE)));
  const member = members[0]!;
  const pokja = await makePokja(
    agency,
    members.map((m) => m.id),
  );
  const paket = await makePaket(agency, ppk.id, {
    category: overrides.category,
    hps: overrides.hps,
    pagu: overrides.pagu ?? (overrides.hps ? overrides.hps + 1n : undefined),
    status: "HANDED_OVER",
  });
  const tender = await makeTender(paket, { pokjaId: pokja.id });
  return { agency, ppk: actorFor(ppk), pokja: actorFor(member), pokjaRow: pokja, paket, tender };
}

/** Stage rows for a tender; each window as [kind, startsAt, endsAt]. */
export async function makeStages(tenderId: string, windows: [StageKind, Date, Date][]) {
  await db.tenderStage.createMany({
    data: windows.map(([kind, startsAt, endsAt], position) => ({ tenderId, kind, position, startsAt, endsAt })),
  });
}

/**
 * A Pokja of `memberCount` new POKJA users of the agency (Perpres 16/2018: 3 or 5 is
 * valid; tests also make 2 and 4 to see the hand-over refuse them).
 */
export async function makePokjaOfSize(agency: { id: string }, memberCount: number) {
  const members = [];
  for (let i = 0; i < memberCount; i++) members.push(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
  return makePokja(
    agency,
    members.map((m) => m.id),
  );
}

/** A document row on a paket (no file in the store: for rules that only count documents). */
export async function attachPaketDocument(paketId: string, kind: "KAK" | "SPESIFIKASI" | "RANCANGAN_KONTRAK" = "KAK") {
  return db.document.create({
    data: {
      kind,
      paketId,
      fileName: `${kind}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: BigInt(PDF_BYTES.length),
      sha256: "0".repeat(64),
      storageKey: `uji/${randomUUID()}`,
    },
  });
}

/** Valid input for createPaket in the agency's first work unit: one HPS line of Rp150.000.000. */
export function paketInput(
  agency: Awaited<ReturnType<typeof makeAgency>>,
  overrides: Partial<PaketInput> = {},
): PaketInput {
  return {
    rupCode: `RUP-${unique()}`,
    name: `Pengadaan Laptop Uji ${unique()}`,
    category: "BARANG",
    fiscalYear: 2026,
    fundingSource: "APBD 2026",
    pagu: 500_000_000n,
    location: "Kota Uji",
    workUnitId: agency.workUnits[0]!.id,
    items: [{ description: "Laptop", unit: "unit", quantity: 10, unitPrice: 15_000_000n }],
    ...overrides,
  };
}

/**
 * A published tender of a new paket, its stages placed around the database clock as
 * [kind, startHours, endHours], so "now" in a test is the same clock the code reads.
 * `paket` overrides the paket's public fields; `agency` reuses an agency.
 */
export async function makeScheduledTender(
  options: {
    status?: TenderStatus;
    method?: ProcurementMethod;
    timeZone?: string;
    agency?: Awaited<ReturnType<typeof makeAgency>>;
    paket?: Partial<{
      name: string;
      rupCode: string;
      fiscalYear: number;
      category: "BARANG" | "PEKERJAAN_KONSTRUKSI" | "JASA_KONSULTANSI" | "JASA_LAINNYA";
      hps: bigint | null;
    }>;
    stages?: [StageKind, number, number][];
    publishedHoursAgo?: number;
  } = {},
) {
  const agency = options.agency ?? (await makeAgency({ timeZone: options.timeZone }));
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const { fiscalYear, name, rupCode, ...paketOverrides } = options.paket ?? {};
  const made = await makePaket(agency, ppk.id, { ...paketOverrides, status: "IN_SELECTION" });
  const paket = await db.paket.update({ where: { id: made.id }, data: { fiscalYear, name, rupCode } });
  const [{ now }] = await db.$queryRaw<[{ now: Date }]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
  const status = options.status ?? "PUBLISHED";
  const tender = await makeTender(paket, {
    status,
    method: options.method,
    publishedAt: status === "DRAFT" ? null : at(-(options.publishedHoursAgo ?? 1)),
  });
  await makeStages(
    tender.id,
    (options.stages ?? [["PENGUMUMAN", -1, 24]]).map(
      ([kind, from, to]) => [kind, at(from), at(to)] as [StageKind, Date, Date],
    ),
  );
  return { agency, paket, tender, now };
}

/**
 * An announced tender run by a Pokja of one member (`pokja`), its stages placed around
 * the database clock as [kind, startHours, endHours]; by default pemberian penjelasan is
 * running now and the bid deadline is two days away.
 */
export async function makeQaTender(
  options: { stages?: [StageKind, number, number][]; status?: TenderStatus; timeZone?: string } = {},
) {
  const made = await makeScheduledTender({
    status: options.status,
    timeZone: options.timeZone,
    stages: options.stages ?? [
      ["PENGUMUMAN", -48, -1],
      ["PEMBERIAN_PENJELASAN", -1, 24],
      ["UPLOAD_PENAWARAN", 24, 48],
    ],
  });
  const member = await makeUser([{ role: "POKJA", agencyId: made.agency.id }]);
  const pokja = await makePokja(made.agency, [member.id]);
  await db.tender.update({ where: { id: made.tender.id }, data: { pokjaId: pokja.id } });
  return { ...made, pokja: actorFor(member), pokjaRow: pokja };
}

/** A vendor (verified unless told) registered for the tender, with `users` PENYEDIA users. */
export async function registerParticipant(
  tenderId: string,
  options: { status?: "PENDING" | "VERIFIED" | "REJECTED"; users?: number } = {},
) {
  const vendor = await makeVendor({ status: options.status });
  await db.tenderParticipant.create({ data: { tenderId, vendorId: vendor.id, registeredAt: new Date() } });
  const users = [];
  for (let i = 0; i < (options.users ?? 1); i++)
    users.push(actorFor(await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id })));
  return { vendor, penyedia: users[0]!, users };
}

// ---------------------------------------------------------------- sealed bids

/** A POKJA user's personal opening key, set with `passphrase` (as /akun/kunci-pembukaan would). */
/** The opening passphrase the factories give every Pokja member. */
export const TEST_OPENING_PASSPHRASE = "Kunci pembukaan uji 2026";

export async function makeUserOpeningKey(userId: string, passphrase: string) {
  const { createPersonalKey } = await import("@/modules/bids/domain/personal-key");
  return db.userOpeningKey.create({ data: { userId, ...(await createPersonalKey(passphrase)) } });
}

/**
 * A PUBLISHED tender whose UPLOAD_PENAWARAN stage runs from an hour ago until
 * `uploadEndsInMs` after the database clock (default a day), a Pokja of `pokjaSize`
 * members who each set an opening passphrase, and the tender's opening key made from them.
 */
export async function makeSealedBidTender(options: { pokjaSize?: number; uploadEndsInMs?: number } = {}) {
  const agency = await makeAgency();
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const members = [];
  for (let i = 0; i < (options.pokjaSize ?? 3); i++) {
    const user = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const passphrase = `pembukaan-uji-${i}-${unique()}`;
    await makeUserOpeningKey(user.id, passphrase);
    members.push({ user, actor: actorFor(user), passphrase });
  }
  const pokja = await makePokja(
    agency,
    members.map((m) => m.user.id),
  );
  const made = await makePaket(agency, ppk.id, { status: "IN_SELECTION" });
  const [{ now }] = await db.$queryRaw<[{ now: Date }]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
  const at = (ms: number) => new Date(now.getTime() + ms);
  const tender = await makeTender(made, { pokjaId: pokja.id, status: "PUBLISHED", publishedAt: at(-2 * 3_600_000) });
  const uploadEnd = at(options.uploadEndsInMs ?? 24 * 3_600_000);
  await makeStages(tender.id, [
    ["PENGUMUMAN", at(-2 * 3_600_000), at(-3_600_000)],
    ["UPLOAD_PENAWARAN", at(-3_600_000), uploadEnd],
    ["PEMBUKAAN", uploadEnd, new Date(uploadEnd.getTime() + 3_600_000)],
  ]);
  const { createOpeningKey } = await import("@/modules/bids/server/keys/create-opening-key");
  await db.$transaction((tx) => createOpeningKey(tx, tender.id));
  return { agency, pokja, members, tender, uploadEnd };
}

/** A PENYEDIA user of a new vendor (verified unless told), registered for the tender unless `registered: false`. */
export async function makeBidder(
  tenderId: string,
  options: { vendorStatus?: "PENDING" | "VERIFIED" | "REJECTED"; registered?: boolean } = {},
) {
  const vendor = await makeVendor({ status: options.vendorStatus });
  const user = await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
  if (options.registered !== false) {
    await db.tenderParticipant.create({ data: { tenderId, vendorId: vendor.id, registeredAt: new Date() } });
  }
  return { vendor, user, actor: actorFor(user) };
}

/** A PENYEDIA user of the vendor (vendors module). */
export async function makeVendorUser(vendor: { id: string }) {
  return makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
}

const randomDigits = (length: number) =>
  `${1 + Math.floor(Math.random() * 9)}${Array.from({ length: length - 1 }, () => Math.floor(Math.random() * 10)).join("")}`;

/** Valid, already-normalised input for registerVendor: a new company with unique NPWP (15 digits), NIB and e-mails. */
export function vendorRegistrationInput(
  overrides: Partial<import("@/modules/vendors/vendors.schemas").RegisterVendorInput> = {},
) {
  const id = unique();
  return {
    name: `Karya Uji ${id}`,
    businessForm: "CV" as const,
    npwp: randomDigits(15),
    nib: randomDigits(13),
    address: "Jl. Trikora No. 7",
    city: "Kota Jayapura",
    province: "Papua",
    email: `kantor-${id}@uji.segel.test`,
    phone: "0967 123456",
    kbli: ["41011", "42101"],
    userName: `Direktur Uji ${id}`,
    userEmail: `direktur-${id}@uji.segel.test`,
    password: "kata sandi panjang sekali",
    ...overrides,
  };
}

/** A PDF whose text holds `marker`, so a test can search for its plaintext anywhere. */
export function bidPdf(marker: string, padBytes = 0): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% ${marker}\n`), Buffer.alloc(padBytes, 0x20), PDF_BYTES.subarray(9)]);
}

/** Stages a bid file for the bidder as the upload route would; returns the staged row. */
export async function stageBidFile(
  actor: Actor,
  tenderId: string,
  content: Buffer,
  part: "ADMINISTRASI" | "KUALIFIKASI" | "TEKNIS" | "HARGA" = "HARGA",
  fileName = `${part.toLowerCase()}.pdf`,
) {
  const { Readable } = await import("node:stream");
  const { uploadBidFile } = await import("@/modules/bids/server/upload-bid-file");
  return uploadBidFile(actor, { tenderId, part, fileName, body: Readable.from([content]) });
}

/** Receipts are signed with a key file; tests use one of their own in the temp directory. */
export function setUpTestInstanceKey(): string {
  process.env.SEGEL_INSTANCE_KEY_FILE ??= `${process.env.TMPDIR ?? "/tmp"}/segel-test-instance-${randomUUID()}.pem`;
  return process.env.SEGEL_INSTANCE_KEY_FILE;
}

// ---------------------------------------------------------------- remedies (failure, sanggah, SPPBJ)

/**
 * A SUBMITTED bid row for a vendor (a new verified one, registered, with one PENYEDIA
 * user, unless given), without sealing: for rules that only count bids or read the
 * corrected price.
 */
export async function makeSubmittedBid(
  tenderId: string,
  options: { vendorId?: string; correctedPrice?: bigint | null } = {},
) {
  const vendor = options.vendorId ? { id: options.vendorId } : await makeVendor();
  if (!options.vendorId)
    await db.tenderParticipant.create({ data: { tenderId, vendorId: vendor.id, registeredAt: new Date() } });
  const user = await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
  const bid = await db.bid.create({
    data: {
      tenderId,
      vendorId: vendor.id,
      submittedById: user.id,
      idempotencyKey: `uji-${randomUUID()}`,
      sealedPrice: Buffer.from("uji"),
      priceCommitment: "0".repeat(64),
      submittedAt: new Date(),
      // every bid carries the pakta integritas (PostgreSQL holds it: 20261214100000_integrity_pact_rule)
      integrityPactAt: new Date(),
      receipt: {},
      receiptSignature: "uji",
      openedPrice: options.correctedPrice ?? null,
      correctedPrice: options.correctedPrice ?? null,
    },
  });
  return { bid, vendorId: vendor.id, penyedia: actorFor(user) };
}

/**
 * A tender whose winner was announced `announcedAgoMs` before the database clock
 * (status AWARDED, announcedAt, winnerBidId set directly, as announce-winner would):
 * a Pokja of three (`pokja` is a member), the paket's PPK, the agency's PA/KPA, the
 * winner and `losers` other bidders, each with a PENYEDIA user.
 */
export async function makeAwardedTender(
  options: {
    category?: "BARANG" | "PEKERJAAN_KONSTRUKSI";
    announcedAgoMs?: number;
    losers?: number;
    hps?: bigint;
    timeZone?: string;
  } = {},
) {
  const made = await makePokjaTender({
    category: options.category,
    hps: options.hps ?? 480_000_000n,
    timeZone: options.timeZone,
  });
  const kpa = actorFor(await makeUser([{ role: "KPA", agencyId: made.agency.id }]));
  const winner = await makeSubmittedBid(made.tender.id, { correctedPrice: 452_750_000n });
  const losers = [];
  for (let i = 0; i < (options.losers ?? 1); i++)
    losers.push(await makeSubmittedBid(made.tender.id, { correctedPrice: 470_000_000n + BigInt(i) }));
  const [{ now }] = await db.$queryRaw<[{ now: Date }]>`SELECT date_trunc('milliseconds', segel_now()) AS now`;
  const announcedAt = new Date(now.getTime() - (options.announcedAgoMs ?? 3_600_000));
  await db.paket.update({ where: { id: made.paket.id }, data: { status: "IN_SELECTION" } });
  const tender = await markAwarded(made.tender.id, winner.bid.id, announcedAt, losers[0]?.bid.id ?? null);
  return { ...made, tender, kpa, winner, losers, announcedAt, now };
}

// ---------------------------------------------------------------- evaluation and award

/**
 * A tender in EVALUATION whose bids were opened (openedPrice set directly, no crypto),
 * run by a Pokja of three members (`pokja` is the first). One bidder per price, each
 * submitted a minute after the one before. Stages around the database clock: evaluation
 * behind, PENGUMUMAN_PEMENANG running, MASA_SANGGAH next (then SANGGAH_BANDING for
 * construction) and PENUNJUKAN_PEMENANG. `opened: false` leaves openedAt unset.
 */
export async function makeOpenedTender(
  options: {
    category?: "BARANG" | "PEKERJAAN_KONSTRUKSI" | "JASA_KONSULTANSI" | "JASA_LAINNYA";
    hps?: bigint;
    evaluationMethod?: "HARGA_TERENDAH" | "SISTEM_NILAI" | "BIAYA_UMUR_EKONOMIS";
    weights?: { technical: number; price: number };
    prices?: bigint[];
    opened?: boolean;
    status?: TenderStatus;
  } = {},
) {
  const agency = await makeAgency();
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const members = await Promise.all([0, 1, 2].map(() => makeUser([{ role: "POKJA", agencyId: agency.id }])));
  const pokjaRow = await makePokja(
    agency,
    members.map((m) => m.id),
  );
  const hps = options.hps ?? 1_000_000_000n;
  const paket = await makePaket(agency, ppk.id, {
    category: options.category,
    hps,
    pagu: hps + 1n,
    status: "IN_SELECTION",
  });
  const [{ now }] = await db.$queryRaw<[{ now: Date }]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
  const made = await makeTender(paket, {
    pokjaId: pokjaRow.id,
    status: options.status ?? "EVALUATION",
    publishedAt: at(-240),
  });
  const tender = await db.tender.update({
    where: { id: made.id },
    data: {
      openedAt: options.opened === false ? null : at(-47),
      evaluationMethod: options.evaluationMethod ?? "HARGA_TERENDAH",
      technicalWeight: options.weights?.technical ?? null,
      priceWeight: options.weights?.price ?? null,
    },
  });
  const construction = paket.category === "PEKERJAAN_KONSTRUKSI";
  const windows: [StageKind, number, number][] = [
    ["UPLOAD_PENAWARAN", -96, -48],
    ["PEMBUKAAN", -48, -47],
    ["EVALUASI", -47, -1],
    ["PENGUMUMAN_PEMENANG", -1, 23],
    ["MASA_SANGGAH", 23, 143],
    ...(construction ? ([["SANGGAH_BANDING", 143, 263]] as [StageKind, number, number][]) : []),
    ["PENUNJUKAN_PEMENANG", construction ? 263 : 143, construction ? 335 : 215],
  ];
  await makeStages(
    tender.id,
    windows.map(([kind, from, to]) => [kind, at(from), at(to)] as [StageKind, Date, Date]),
  );
  const bidders = [];
  for (const [i, price] of (options.prices ?? [900_000_000n, 950_000_000n, 990_000_000n]).entries()) {
    const bidder = await makeBidder(tender.id);
    const bid = await db.bid.create({
      data: {
        tenderId: tender.id,
        vendorId: bidder.vendor.id,
        submittedById: bidder.user.id,
        idempotencyKey: randomUUID(),
        sealedPrice: Buffer.from("uji"),
        priceCommitment: "0".repeat(64),
        submittedAt: new Date(at(-50).getTime() + i * 60_000),
        integrityPactAt: new Date(at(-50).getTime() + i * 60_000),
        receipt: {},
        receiptSignature: "uji",
        openedPrice: price,
      },
    });
    bidders.push({ ...bidder, bid });
  }
  return {
    agency,
    ppk: actorFor(ppk),
    pokja: actorFor(members[0]!),
    pokjaMembers: members.map(actorFor),
    pokjaRow,
    paket,
    tender,
    bidders,
    now,
  };
}

/**
 * Holds these vendors' vendor-and-tender locks (the first step of a submit's transaction)
 * on another connection, as a slow request would, until released.
 */
export async function holdBidderLocks(tenderId: string, vendorIds: string[], options: { timeoutMs?: number } = {}) {
  const { lockBidder } = await import("@/modules/bids/server/bidder-context");
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = db.$transaction(
    async (tx) => {
      for (const vendorId of vendorIds) await lockBidder(tx, tenderId, vendorId);
      locked();
      await released;
    },
    { timeout: options.timeoutMs ?? 60_000 },
  );
  await Promise.race([isLocked, done]);
  return {
    release: async () => {
      release();
      await done;
    },
  };
}

export const holdBidderLock = (tenderId: string, vendorId: string) => holdBidderLocks(tenderId, [vendorId]);

/** How many sessions wait for an advisory lock (a submit queued behind holdBidderLock). */
export const waitingOnAdvisoryLock = async () =>
  (
    await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`
  )[0]!.n;
