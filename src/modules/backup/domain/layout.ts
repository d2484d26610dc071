/**
 * Where a backup lives under SEGEL_BACKUP_DIR (docs/decisions/0039). Pure: the worker, the
 * restore command and the drill all name paths through these functions.
 *
 *   <root>/wal/<segment>.gz          WAL segments (and timeline .history files), gzip, written
 *                                   by PostgreSQL's archive_command; CRC-checked by gzip
 *   <root>/base/<setId>/data/...    a base backup: the data directory as pg_backup_start/stop
 *                                   saw it, with the backup_label and tablespace_map it returned
 *   <root>/base/<setId>/manifest.json      the set's manifest (canonical JSON, manifest.ts)
 *   <root>/base/<setId>/manifest.sig       base64 Ed25519 signature over manifestBytes()
 *   <root>/files/<area>/<id>        the file store's immutable objects, copied once by key
 *   <root>/audit-tree-heads.jsonl   a copy of the public signed tree heads (no secret)
 *
 * The instance key and the at-rest key are never written under <root>.
 */
import path from "node:path";

/** A set id is its start time in UTC, sortable: 20261207T010000Z. */
export const SET_ID_PATTERN = /^\d{8}T\d{6}Z$/;

export function setIdAt(time: Date): string {
  return time
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

export const walDir = (root: string) => path.join(root, "wal");
export const baseRoot = (root: string) => path.join(root, "base");
export const setDir = (root: string, setId: string) => path.join(baseRoot(root), setId);
export const setDataDir = (root: string, setId: string) => path.join(setDir(root, setId), "data");
export const manifestPath = (root: string, setId: string) => path.join(setDir(root, setId), "manifest.json");
export const signaturePath = (root: string, setId: string) => path.join(setDir(root, setId), "manifest.sig");
export const filesDir = (root: string) => path.join(root, "files");
export const headsCopyPath = (root: string) => path.join(root, "audit-tree-heads.jsonl");

/** The copy of a file-store object `<area>/<id>` (the store's own key). */
export function storeObjectPath(root: string, key: string): string {
  const [area, id, ...rest] = key.split("/");
  if (!area || !id || rest.length > 0 || id.startsWith(".") || area.startsWith("."))
    throw new Error(`not a store key: ${key}`);
  return path.join(filesDir(root), area, id);
}
