import { sign, verify, type KeyObject } from "node:crypto";

/**
 * A base backup's manifest (docs/decisions/0039): what the set holds and the database
 * state it restores to, signed with the instance key, so a drill (or an auditor with the
 * public key) can tell a complete, untouched set from a forged or damaged one.
 * All sizes are bytes, hashes lower-case hex SHA-256, times ISO 8601 UTC.
 */
export interface BackupManifest {
  version: 1;
  setId: string;
  /** Segel's package.json version and the newest applied migration at the restore point */
  segelVersion: string;
  migration: string;
  startedAt: string;
  finishedAt: string;
  /** PostgreSQL's position: pg_backup_start/stop LSNs, the timeline, and the first WAL file needed */
  database: {
    serverVersion: string;
    timeline: number;
    startLsn: string;
    stopLsn: string;
    startWalFile: string;
    /** pg_create_restore_point(name) made while every table was locked for counting */
    restorePoint: string;
    restorePointLsn: string;
    /** the database clock at the restore point */
    restorePointTime: string;
  };
  /** exact row counts of every table of the application's schema at the restore point */
  rowCounts: Record<string, number>;
  /** the base backup's files, paths relative to data/ with "/" */
  dataFiles: ManifestFile[];
  /** every file-store object copied to files/ when the set finished: key `<area>/<id>` */
  storeObjects: ManifestFile[];
  /** the signed tree heads copied beside the set (public data) */
  auditHeads: { treeSize: string; rootHash: string } | null;
}

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

const CONTEXT = "segel.backup.manifest.v1\n";

/** Canonical JSON: keys sorted at every level, no spaces. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export function manifestBytes(manifest: BackupManifest): Buffer {
  return Buffer.from(CONTEXT + canonicalJson(manifest), "utf8");
}

export function signManifest(manifest: BackupManifest, privateKey: KeyObject): string {
  return sign(null, manifestBytes(manifest), privateKey).toString("base64");
}

export function isManifestSigned(manifest: BackupManifest, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, manifestBytes(manifest), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
