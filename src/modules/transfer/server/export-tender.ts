import "server-only";
import { createHash, sign } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { readLpseProfile } from "@/modules/lpse";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getInstanceKey } from "@/server/instance-key";
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleManifestSchema,
  DATA_ENTRY,
  FILES_PREFIX,
  type BundleEntry,
  type BundleManifest,
} from "../domain/bundle-format";
import { collectTenderRows, type ExportClient } from "./collect-tender-rows";
import { bundleChunks, storeSource, type BundleParts, type ObjectSource } from "./write-bundle";

export interface PreparedExport {
  manifest: BundleManifest;
  /** hex SHA-256 of manifest.json's exact bytes: what the receiver and the TenderTransfer row name */
  manifestSha256: string;
  parts: BundleParts;
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function newestMigration(root = process.cwd()): Promise<string> {
  const names = (await readdir(path.join(root, "prisma", "migrations")).catch(() => [] as string[]))
    .filter((n) => /^\d{14}_/.test(n))
    .sort();
  if (names.length === 0) throw new Error(`no migrations under ${path.join(root, "prisma", "migrations")}`);
  return names.at(-1)!;
}

async function segelVersion(root = process.cwd()): Promise<string> {
  return (JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Collects the tender's rows, checks that every stored object they name is there with the
 * size its row recorded (so a missing file refuses the export before a byte is written),
 * and writes and signs the manifest. The files themselves are read later, while streaming.
 */
export async function prepareExport(client: ExportClient, code: string, source: ObjectSource): Promise<PreparedExport> {
  const collected = await collectTenderRows(client, code);
  const missing: string[] = [];
  for (const object of collected.objects) {
    const size = await source.size(object.storageKey);
    if (size !== object.size)
      missing.push(`${object.storageKey} (${size === null ? "missing" : `${size} bytes, row says ${object.size}`})`);
  }
  if (missing.length > 0)
    throw new AppError("INVALID_STATE", "tenderExport.objectsMissing", {
      code,
      objects: missing.slice(0, 5).join("; "),
    });

  const data = Buffer.from(JSON.stringify(collected.data));
  const entries: BundleEntry[] = [{ path: DATA_ENTRY, size: data.length, sha256: sha256(data) }];
  const seen = new Set<string>();
  for (const o of collected.objects) {
    if (seen.has(o.sha256)) continue;
    seen.add(o.sha256);
    entries.push({ path: `${FILES_PREFIX}${o.sha256}`, size: o.size, sha256: o.sha256 });
  }
  const key = await getInstanceKey();
  const lpse = await readLpseProfile(client);
  const [{ now }] = await client.$queryRaw<[{ now: Date }]>`SELECT date_trunc('milliseconds', segel_now()) AS now`;
  const counts = Object.fromEntries(Object.entries(collected.data.tables).map(([t, list]) => [t, list.length]));
  const manifest = bundleManifestSchema.parse({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaMigration: await newestMigration(),
    segelVersion: await segelVersion(),
    exportedAt: now.toISOString(),
    source: {
      lpseName: lpse.name,
      url: process.env.NEXTAUTH_URL?.trim() ? process.env.NEXTAUTH_URL.trim().replace(/\/$/, "") : null,
      instanceKey: { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem },
    },
    tender: collected.tender,
    counts: { ...counts, people: collected.data.people.length, files: entries.length - 1 },
    entries,
  } satisfies BundleManifest);
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  const signature = Buffer.from(sign(null, manifestBytes, key.privateKey).toString("base64"));
  return {
    manifest,
    manifestSha256: sha256(manifestBytes),
    parts: { manifest: manifestBytes, signature, data, objects: collected.objects, exportedAt: now },
  };
}

/** Records on the live instance that a bundle of the tender left it, with the manifest's hash. */
export async function recordExport(actor: Actor | null, prepared: PreparedExport, actorLabel?: string) {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor,
      actorLabel,
      action: "tender.exported",
      entityType: "Tender",
      entityId: prepared.manifest.tender.id,
      data: {
        tenderId: prepared.manifest.tender.id,
        tenderCode: prepared.manifest.tender.code,
        manifestSha256: prepared.manifestSha256,
        counts: prepared.manifest.counts,
      },
    }),
  );
}

export interface ExportToFileOptions {
  client: ExportClient;
  code: string;
  out: string;
  source: ObjectSource;
  /** true on the live instance: the export is audited there (a restored database is only read) */
  live: boolean;
  actorLabel?: string;
}

/** Writes the bundle to `out` through a temporary name, so a failed export leaves no bundle behind. */
export async function exportTenderToFile(options: ExportToFileOptions): Promise<PreparedExport & { bytes: number }> {
  const prepared = await prepareExport(options.client, options.code, options.source);
  const partial = `${options.out}.partial-${process.pid}`;
  let bytes = 0;
  try {
    const counted = async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        yield chunk;
      }
    };
    await pipeline(
      Readable.from(counted(bundleChunks(prepared.parts, options.source))),
      createWriteStream(partial, { flags: "wx" }),
    );
    await rename(partial, options.out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  if (options.live) await recordExport(null, prepared, options.actorLabel ?? "segel tender export (CLI)");
  return { ...prepared, bytes };
}

/**
 * The administrator's download (/admin/pindah-tender): ADMIN_LPSE only, checked here. The
 * body streams from the file store; the export is audited once the last byte was produced.
 */
export async function exportTenderForAdmin(actor: Actor, code: string) {
  if (!can(actor, "tender.transfer")) throw new AppError("FORBIDDEN");
  const source = storeSource();
  const prepared = await prepareExport(db, code.trim(), source);
  const body = async function* () {
    yield* bundleChunks(prepared.parts, source);
    await recordExport(actor, prepared);
  };
  return {
    fileName: `tender-${prepared.manifest.tender.code.replace(/[^A-Za-z0-9._-]/g, "_")}.segel.tar`,
    manifestSha256: prepared.manifestSha256,
    stream: Readable.from(body()),
  };
}
