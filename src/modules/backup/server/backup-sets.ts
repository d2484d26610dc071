import "server-only";
import { readdir, readFile } from "node:fs/promises";
import { getInstanceKey } from "@/server/instance-key";
import { baseRoot, manifestPath, SET_ID_PATTERN, signaturePath } from "../domain/layout";
import { isManifestSigned, type BackupManifest } from "../domain/manifest";

/**
 * The base sets under a backup root and whether each is complete: a set counts only with
 * a manifest signed by this instance's key (B writes the manifest last, so a set cut off
 * half way has none). Read by the restore, the drill and `backup list`.
 */
export type SetState =
  { setId: string; complete: true; manifest: BackupManifest } | { setId: string; complete: false; problem: string };

export async function listSetIds(backupRoot: string): Promise<string[]> {
  const names = await readdir(baseRoot(backupRoot)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  return names.filter((name) => SET_ID_PATTERN.test(name)).sort();
}

/** One set's manifest, checked against its signature with the instance's public key. */
export async function readSet(backupRoot: string, setId: string): Promise<SetState> {
  let text: string;
  let signature: string;
  try {
    [text, signature] = await Promise.all([
      readFile(manifestPath(backupRoot, setId), "utf8"),
      readFile(signaturePath(backupRoot, setId), "utf8"),
    ]);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return {
      setId,
      complete: false,
      problem: missing ? "no manifest.json or manifest.sig (unfinished set)" : (error as Error).message,
    };
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    return { setId, complete: false, problem: "manifest.json is not JSON" };
  }
  const { publicKey } = await getInstanceKey();
  if (!isManifestSigned(manifest, signature.trim(), publicKey))
    return {
      setId,
      complete: false,
      problem: "manifest.json does not match its signature (changed, or signed with another instance key)",
    };
  if (manifest.setId !== setId)
    return { setId, complete: false, problem: `the manifest names set ${manifest.setId}, not ${setId}` };
  return { setId, complete: true, manifest };
}

export async function readAllSets(backupRoot: string): Promise<SetState[]> {
  return Promise.all((await listSetIds(backupRoot)).map((setId) => readSet(backupRoot, setId)));
}

/**
 * The set to restore: `setId` when given (it must be complete), otherwise the newest
 * complete set whose restore point is at or before `before` (any time when absent).
 */
export async function chooseSet(
  backupRoot: string,
  options: { setId?: string; before?: Date },
): Promise<{ setId: string; manifest: BackupManifest }> {
  if (options.setId) {
    const state = await readSet(backupRoot, options.setId);
    if (!state.complete) throw new Error(`Backup set ${options.setId} cannot be used: ${state.problem}.`);
    return state;
  }
  const sets = await readAllSets(backupRoot);
  const fits = sets
    .filter((s): s is Extract<SetState, { complete: true }> => s.complete)
    .filter((s) => !options.before || new Date(s.manifest.database.restorePointTime) <= options.before);
  const chosen = fits[fits.length - 1];
  if (!chosen) {
    const why = sets.length === 0 ? "there is no base set" : "no complete set has its restore point before that time";
    throw new Error(`Nothing to restore in ${backupRoot}: ${why}.`);
  }
  return chosen;
}
