import "server-only";
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { applyTenderEvent } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { objectStore } from "@/server/object-store";
import { FILES_PREFIX } from "../domain/bundle-format";
import { blacklistedVendors, type BlacklistedVendor } from "./blacklisted-vendors";
import { applyPeople } from "./match-people";
import { planImport, type ImportPlan } from "./plan-import";
import { discardBundle, entryFile, unpackBundle } from "./read-bundle";
import { hasPrequalificationState, replayPrequalification } from "./replay-prequalification";
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
  /** companies on this instance's daftar hitam in force: imported, named for the Pokja */
  blacklisted: BlacklistedVendor[];
}

const refuse = (messageKey: string, values: Record<string, string | number> = {}) =>
  new AppError("VALIDATION", `tenderImport.${messageKey}`, values);

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
    const plan = await planImport(verified, agency.id);
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
    const result = await db
      .$transaction((tx) => writeAll(tx, actor, agency.id, verified, plan), { maxWait: 10_000, timeout: 120_000 })
      .catch((error: unknown) => {
        throw pactRefusal(error) ?? error;
      });
    written.length = 0;
    return result;
  } finally {
    const store = objectStore();
    for (const key of written) await store.remove(key).catch(() => undefined);
    await discardBundle(bundle);
  }
}

async function writeAll(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  actor: Actor,
  agencyId: string,
  verified: VerifiedBundle,
  plan: ImportPlan,
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
  const replay = hasPrequalificationState(plan.tender);
  await applyTenderEvent(
    tx,
    tenderId,
    {
      kind: "imported",
      // a seleksi's prakualifikasi steps replay on PUBLISHED; the stage boundary below then
      // moves it on by the schedule as the source's worker did
      status: replay ? "PUBLISHED" : (plan.tender.status as "PUBLISHED" | "EVALUATION"),
      publishedAt: plan.tender.publishedAt as Date,
      deadlineExtensions: (plan.tender.deadlineExtensions as number) ?? 0,
    },
    { actor, now },
  );
  if (replay) await replayPrequalification(tx, plan.tender, { actor, now, sourceLpseName: manifest.source.lpseName });
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
  const blacklisted = await blacklistedVendors(tx, applied.vendorIds.values(), now);
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
      blacklisted,
    },
  });
  return {
    tenderId,
    code: plan.code,
    manifestSha256: verified.manifestSha256,
    invited: applied.invitedUserIds.length,
    matched: plan.people.matched.size,
    counts,
    blacklisted,
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

/**
 * An LPSE on an older Segel accepted a bid without the pakta integritas after this one began
 * to require it: PostgreSQL's rule (migration 20261214100000_integrity_pact_rule) refuses the
 * row, and the administrator is told why instead of a database error. Nothing was written.
 */
function pactRefusal(error: unknown): AppError | null {
  const pactRule =
    error instanceof Prisma.PrismaClientKnownRequestError && /pakta integritas \(integrityPactAt\)/.test(error.message);
  return pactRule ? refuse("bidWithoutPact", {}) : null;
}
