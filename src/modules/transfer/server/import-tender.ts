import "server-only";
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { sealedKey } from "@/modules/bids";
import { applyTenderEvent } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { objectStore } from "@/server/object-store";
import { FILES_PREFIX } from "../domain/bundle-format";
import { applyPeople, planPeople } from "./match-people";
import { discardBundle, entryFile, unpackBundle } from "./read-bundle";
import { verifyBundle, type VerifiedBundle } from "./verify-bundle";
import { tableRows, writeImportedRows } from "./write-imported-rows";

export interface ImportTenderInput {
  bundlePath: string;
  agencyId: string;
  /** the source key's fingerprint as the administrator learnt it out of band */
  expectedFingerprint: string;
}

export interface ImportTenderResult {
  tenderId: string;
  code: string;
  manifestSha256: string;
  invited: number;
  matched: number;
  counts: Record<string, number>;
}

const refuse = (messageKey: string, values: Record<string, string | number> = {}) =>
  new AppError("VALIDATION", `tenderImport.${messageKey}`, values);

/** Tables the import writes or reads; one it does not know, with rows, refuses the bundle. */
const KNOWN_TABLES = new Set([
  ...["Agency", "WorkUnit", "ProcedureConfig", "MethodRule", "Paket", "HpsItem", "Tender", "TenderStage"],
  ...["ScheduleChange", "Document", "Question", "Answer", "Vendor", "TenderParticipant", "Bid", "BidFile"],
  ...["TenderOpeningKey", "TenderKeyShare", "UserOpeningKey", "Pokja", "PokjaMember", "AuditEvent"],
]);
/** Rows only an opened or awarded tender has, which never travels (decision 0040) */
const EMPTY_BEFORE_OPENING = ["BidDefect", "Sanggah"];

/**
 * The newest migration this release knows (the prisma/migrations folder, as the exporter
 * reads it; the app's database role may not read _prisma_migrations). The instance's
 * database is migrated to it before the app starts (npm run segel -- migrate).
 */
async function newestLocalMigration(root = process.cwd()): Promise<string> {
  const names = (await readdir(path.join(root, "prisma", "migrations")).catch(() => [] as string[]))
    .filter((n) => /^\d{14}_/.test(n))
    .sort();
  if (names.length === 0) throw new Error(`no migrations under ${path.join(root, "prisma", "migrations")}`);
  return names.at(-1)!;
}

/**
 * Imports a tender moved from another LPSE (docs/decisions/0040). Everything is checked
 * before anything is written: the bundle (verify-bundle.ts), the tender's code and id, the
 * people (match-people.ts) and the Pokja members' opening keys. Then the stored objects are
 * written and ONE transaction writes every row; if it fails, the objects are removed again.
 */
export async function importTender(actor: Actor, input: ImportTenderInput): Promise<ImportTenderResult> {
  if (!can(actor, "tender.transfer")) throw new AppError("FORBIDDEN");
  const agency = await db.agency.findUnique({ where: { id: input.agencyId }, select: { id: true } });
  if (!agency) throw refuse("agencyNotFound", { agency: input.agencyId });
  const bundle = await unpackBundle(input.bundlePath);
  const written: string[] = [];
  try {
    const verified = await verifyBundle(bundle, {
      expectedFingerprint: input.expectedFingerprint,
      localMigration: await newestLocalMigration(),
    });
    const plan = await preflight(verified);
    const store = objectStore();
    for (const object of plan.objects) {
      const entry = `${FILES_PREFIX}${object.sha256}`;
      if (!bundle.entries.has(entry)) throw refuse("missingEntry", { entry });
      if ((await store.size(object.key)) !== null) throw refuse("tenderIdExists", { code: plan.code, id: object.key });
    }
    for (const object of plan.objects) {
      written.push(object.key);
      await store.put(object.key, createReadStream(entryFile(bundle, `${FILES_PREFIX}${object.sha256}`)));
    }
    const result = await db.$transaction((tx) => writeAll(tx, actor, agency.id, verified, plan), {
      maxWait: 10_000,
      timeout: 120_000,
    });
    written.length = 0;
    return result;
  } finally {
    const store = objectStore();
    for (const key of written) await store.remove(key).catch(() => undefined);
    await discardBundle(bundle);
  }
}

type Plan = Awaited<ReturnType<typeof preflight>>;

async function preflight(verified: VerifiedBundle) {
  const { data, manifest } = verified;
  for (const [table, rows] of Object.entries(data.tables)) {
    if (EMPTY_BEFORE_OPENING.includes(table) && rows.length > 0) throw refuse("tableUnsupported", { table });
    if (!KNOWN_TABLES.has(table) && !EMPTY_BEFORE_OPENING.includes(table) && rows.length > 0)
      throw refuse("tableUnsupported", { table });
  }
  for (const table of ["Paket", "Tender", "ProcedureConfig", "WorkUnit"])
    if (tableRows(data, table).length !== 1) throw refuse("rowMissing", { table });
  const tender = tableRows(data, "Tender")[0]!;
  const code = tender.code as string;
  if (tender.id !== manifest.tender.id || code !== manifest.tender.code)
    throw refuse("rowMissing", { table: "Tender" });
  const status = tender.status as string;
  if ((status !== "PUBLISHED" && status !== "EVALUATION") || tender.openedAt || !tender.publishedAt)
    throw refuse("statusNotImportable", { code, status });
  if ((await db.tender.count({ where: { code } })) > 0) throw refuse("tenderCodeExists", { code });
  if ((await db.tender.count({ where: { id: tender.id as string } })) > 0)
    throw refuse("tenderIdExists", { code, id: tender.id as string });
  if ((await db.importedTender.count({ where: { manifestSha256: verified.manifestSha256 } })) > 0)
    throw refuse("bundleAlreadyImported", { sha256: verified.manifestSha256 });

  const procedureKey = tableRows(data, "ProcedureConfig")[0]!.key as string;
  const procedure = await db.procedureConfig.findUnique({ where: { key: procedureKey }, select: { id: true } });
  if (!procedure) throw refuse("procedureUnknown", { key: procedureKey });
  const rule = tableRows(data, "MethodRule")[0];
  const localRule = rule
    ? await db.methodRule.findUnique({
        where: {
          category_effectiveFrom: { category: rule.category as never, effectiveFrom: rule.effectiveFrom as Date },
        },
        select: { id: true },
      })
    : null;

  const people = await planPeople(data);
  const known = new Set(data.people.map((p) => p.id));
  // a Pokja member who already holds an opening key here must hold the same one, or could not open
  for (const key of tableRows(data, "UserOpeningKey")) {
    if (!known.has(key.userId as string)) throw refuse("personMissing", { id: key.userId as string });
    const local = people.matched.get(key.userId as string);
    if (!local) continue;
    const existing = await db.userOpeningKey.findUnique({ where: { userId: local.id }, select: { publicKey: true } });
    if (existing && existing.publicKey !== key.publicKey) throw refuse("openingKeyDiffers", { email: local.email });
  }
  const objects = [
    ...tableRows(data, "Document").map((r) => ({
      key: `objects/${r.storageKey as string}`,
      sha256: r.sha256 as string,
    })),
    ...tableRows(data, "BidFile").map((r) => ({
      key: sealedKey(r.storageKey as string),
      sha256: r.ciphertextSha256 as string,
    })),
  ];
  return { code, tender, procedureId: procedure.id, methodRuleId: localRule?.id ?? null, people, objects };
}

async function writeAll(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  actor: Actor,
  agencyId: string,
  verified: VerifiedBundle,
  plan: Plan,
): Promise<ImportTenderResult> {
  const { data, manifest } = verified;
  const now = await dbNow(tx);
  const applied = await applyPeople(tx, data, plan.people, agencyId, actor, now);
  const user = (id: string) => {
    const local = applied.userIds.get(id);
    if (!local) throw refuse("personMissing", { id });
    return local;
  };
  const vendor = (id: string) => {
    const local = applied.vendorIds.get(id);
    if (!local) throw refuse("vendorMissing", { id });
    return local;
  };
  const workUnitId = await matchWorkUnit(tx, agencyId, tableRows(data, "WorkUnit")[0]!, plan.code);
  const pokjaRow = tableRows(data, "Pokja")[0];
  let pokjaId: string | null = null;
  if (pokjaRow) {
    const members = tableRows(data, "PokjaMember");
    const pokja = await tx.pokja.create({
      data: {
        agencyId,
        name: `${pokjaRow.name as string} (${manifest.source.lpseName})`,
        skNumber: (pokjaRow.skNumber ?? null) as string | null,
        skDate: (pokjaRow.skDate ?? null) as Date | null,
        members: {
          create: members.map((m) => ({ userId: user(m.userId as string), isLeader: m.isLeader as boolean })),
        },
      },
      select: { id: true },
    });
    pokjaId = pokja.id;
  }
  for (const key of tableRows(data, "UserOpeningKey")) {
    const userId = user(key.userId as string);
    if (await tx.userOpeningKey.findUnique({ where: { userId }, select: { userId: true } })) continue;
    await tx.userOpeningKey.create({
      data: {
        userId,
        publicKey: key.publicKey as string,
        encryptedPrivateKey: key.encryptedPrivateKey as Uint8Array<ArrayBuffer>,
        salt: key.salt as Uint8Array<ArrayBuffer>,
        iv: key.iv as Uint8Array<ArrayBuffer>,
        authTag: key.authTag as Uint8Array<ArrayBuffer>,
        createdAt: key.createdAt as Date,
      },
    });
  }
  await writeImportedRows(tx, data, {
    user,
    userOrNull: (id) => (id ? user(id) : null),
    vendor,
    agencyId,
    workUnitId,
    pokjaId,
    procedureId: plan.procedureId,
    methodRuleId: plan.methodRuleId,
  });
  const tenderId = plan.tender.id as string;
  await applyTenderEvent(
    tx,
    tenderId,
    {
      kind: "imported",
      status: plan.tender.status as "PUBLISHED" | "EVALUATION",
      publishedAt: plan.tender.publishedAt as Date,
      deadlineExtensions: (plan.tender.deadlineExtensions as number) ?? 0,
    },
    { actor, now },
  );
  // the worker's record of the stage and its next look, from this instance's clock
  await applyTenderEvent(tx, tenderId, { kind: "stageBoundary" }, { actor: null, now });

  const source = manifest.source;
  await tx.trustedInstanceKey.upsert({
    where: { fingerprint: verified.sourceKey.fingerprint },
    create: {
      fingerprint: verified.sourceKey.fingerprint,
      publicKey: verified.sourceKey.publicKeyPem,
      lpseName: source.lpseName,
      addedAt: now,
    },
    update: {},
  });
  await tx.importedTender.create({
    data: {
      tenderId,
      sourceKeyFingerprint: verified.sourceKey.fingerprint,
      sourceLpseName: source.lpseName,
      sourceTenderId: manifest.tender.id,
      sourceUrl: source.url,
      manifestSha256: verified.manifestSha256,
      manifest: verified.manifestJson as never,
      importedById: actor.userId,
      importedAt: now,
    },
  });
  const counts = Object.fromEntries(Object.entries(data.tables).map(([t, rows]) => [t, rows.length]));
  await recordAuditEvent(tx, {
    actor,
    action: "tender.imported",
    entityType: "Tender",
    entityId: tenderId,
    data: {
      tenderId,
      tenderCode: plan.code,
      manifestSha256: verified.manifestSha256,
      sourceFingerprint: verified.sourceKey.fingerprint,
      sourceLpseName: source.lpseName,
      agencyId,
      counts: { ...counts, people: data.people.length, files: plan.objects.length },
      invitedUserIds: applied.invitedUserIds,
      grants: applied.grants,
    },
  });
  return {
    tenderId,
    code: plan.code,
    manifestSha256: verified.manifestSha256,
    invited: applied.invitedUserIds.length,
    matched: plan.people.matched.size,
    counts,
  };
}

/** The work unit with the source's code in the chosen agency, or a new one there. */
async function matchWorkUnit(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  agencyId: string,
  unit: Record<string, unknown>,
  tenderCode: string,
) {
  const code = unit.code as string;
  const same = await tx.workUnit.findUnique({ where: { code }, select: { id: true, agencyId: true } });
  if (same?.agencyId === agencyId) return same.id;
  // codes are unique across the instance: another agency's unit keeps its code
  const created = await tx.workUnit.create({
    data: { agencyId, code: same ? `${code}/${tenderCode}` : code, name: unit.name as string },
    select: { id: true },
  });
  return created.id;
}
