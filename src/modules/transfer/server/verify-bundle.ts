import "server-only";
import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { keyFingerprint } from "@/modules/bids/domain";
import { AppError } from "@/server/errors";
import {
  BUNDLE_VERSION,
  DATA_ENTRY,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  bundleManifestSchema,
  type BundleData,
  type BundleManifest,
} from "../domain/bundle-format";
import { entryFile, type UnpackedBundle } from "./read-bundle";

export interface VerifiedBundle {
  manifest: BundleManifest;
  /** the manifest as received (ImportedTender.manifest keeps it) */
  manifestJson: unknown;
  /** hex SHA-256 of manifest.json's exact bytes */
  manifestSha256: string;
  data: BundleData;
  sourceKey: { fingerprint: string; publicKeyPem: string };
}

const refuse = (messageKey: string, values: Record<string, string | number> = {}) =>
  new AppError("VALIDATION", `tenderImport.${messageKey}`, values);

/**
 * Everything checked before a single row or object is written (docs/decisions/0040): the
 * manifest's shape and version, its Ed25519 signature by the key it names, that key's
 * fingerprint against the manifest's and against the one the importing administrator
 * learnt out of band, every entry's presence, size and SHA-256, no entry beyond the
 * listed ones, the schema not newer than this instance's, and data.json's counts. Each
 * refusal is an AppError VALIDATION naming what failed.
 */
export async function verifyBundle(
  bundle: UnpackedBundle,
  options: { expectedFingerprint: string; localMigration: string },
): Promise<VerifiedBundle> {
  for (const name of [MANIFEST_ENTRY, SIGNATURE_ENTRY, DATA_ENTRY])
    if (!bundle.entries.has(name)) throw refuse("missingEntry", { entry: name });

  const manifestBytes = await readFile(entryFile(bundle, MANIFEST_ENTRY));
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestBytes.toString("utf8"));
  } catch {
    throw refuse("manifestNotJson");
  }
  const version = (manifestJson as { version?: unknown } | null)?.version;
  // an older bundle still imports (its missing tables are empty); a newer one needs a newer Segel
  if (typeof version === "number" && version > BUNDLE_VERSION)
    throw refuse("versionUnsupported", { version, supported: BUNDLE_VERSION });
  const parsed = bundleManifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse("manifestInvalid", { field: issue?.path.join(".") || "-", reason: issue?.message ?? "" });
  }
  const manifest = parsed.data;

  let publicKey: KeyObject;
  let fingerprint: string;
  try {
    publicKey = createPublicKey(manifest.source.instanceKey.publicKeyPem);
    fingerprint = keyFingerprint(publicKey);
  } catch {
    throw refuse("publicKeyInvalid");
  }
  const signature = Buffer.from((await readFile(entryFile(bundle, SIGNATURE_ENTRY), "utf8")).trim(), "base64");
  if (signature.length !== 64 || !verify(null, manifestBytes, publicKey, signature)) throw refuse("badSignature");
  if (fingerprint !== manifest.source.instanceKey.fingerprint)
    throw refuse("fingerprintMismatch", { actual: fingerprint, expected: manifest.source.instanceKey.fingerprint });
  if (fingerprint !== options.expectedFingerprint.trim())
    throw refuse("untrustedKey", { actual: fingerprint, expected: options.expectedFingerprint.trim() });

  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    if (listed.has(entry.path)) throw refuse("duplicateEntry", { entry: entry.path });
    listed.add(entry.path);
    const found = bundle.entries.get(entry.path);
    if (!found) throw refuse("missingEntry", { entry: entry.path });
    if (found.size !== entry.size)
      throw refuse("sizeMismatch", { entry: entry.path, expected: entry.size, actual: found.size });
    if (found.sha256 !== entry.sha256)
      throw refuse("hashMismatch", { entry: entry.path, expected: entry.sha256, actual: found.sha256 });
    // a file is named by its own hash: the manifest may not list one under another name
    if (entry.path.startsWith("files/") && entry.path !== `files/${entry.sha256}`)
      throw refuse("hashMismatch", { entry: entry.path, expected: entry.path.slice(6), actual: entry.sha256 });
  }
  if (!listed.has(DATA_ENTRY)) throw refuse("missingEntry", { entry: DATA_ENTRY });
  for (const name of bundle.entries.keys())
    if (name !== MANIFEST_ENTRY && name !== SIGNATURE_ENTRY && !listed.has(name))
      throw refuse("extraEntry", { entry: name });

  // migration folder names start with their UTC timestamp, so text order is time order
  if (manifest.schemaMigration > options.localMigration)
    throw refuse("schemaNewer", { theirs: manifest.schemaMigration, ours: options.localMigration });

  const data = parseData(await readFile(entryFile(bundle, DATA_ENTRY), "utf8"));
  for (const [table, rows] of Object.entries(data.tables)) {
    const counted = manifest.counts[table];
    if (counted !== undefined && counted !== rows.length)
      throw refuse("countMismatch", { table, expected: counted, actual: rows.length });
  }
  return {
    manifest,
    manifestJson,
    manifestSha256: createHash("sha256").update(manifestBytes).digest("hex"),
    data,
    sourceKey: { fingerprint, publicKeyPem: manifest.source.instanceKey.publicKeyPem },
  };
}

function parseData(text: string): BundleData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse("dataInvalid", { reason: "JSON" });
  }
  const v = value as Partial<BundleData> | null;
  const isRecord = (x: unknown) => x !== null && typeof x === "object" && !Array.isArray(x);
  if (!isRecord(v) || !isRecord(v!.tables) || !Array.isArray(v!.people))
    throw refuse("dataInvalid", { reason: "tables/people" });
  for (const [table, rows] of Object.entries(v!.tables!))
    if (!Array.isArray(rows) || !rows.every(isRecord)) throw refuse("dataInvalid", { reason: table });
  return v as BundleData;
}
