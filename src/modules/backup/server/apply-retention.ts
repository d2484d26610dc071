import "server-only";
import { access, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { manifestPath, setDir, signaturePath, walDir } from "../domain/layout";
import { listSetIds, readSet } from "./backup-sets";

/**
 * Retention of base sets and WAL (docs/decisions/0039). A complete set goes only when it is
 * both older than `keepDays` and not among the newest `keepCount` complete sets; the newest
 * complete set always stays. An unfinished set (no manifest or no signature: a backup that
 * failed or was cut off) goes once it is a day old, so a backup running now is never touched.
 * A set whose manifest is there but does not verify is NOT removed: a replaced instance key
 * would otherwise delete every good set; the drill and the page name it.
 *
 * WAL before the oldest kept set's first segment is removed; timeline .history files stay.
 * File-store copies are never removed: a restore to any time after the oldest kept set may
 * bring back a row naming an object that was deleted later and that no manifest lists (it
 * came and went between two sets), so no set's list proves an object unneeded.
 */
export interface RetentionResult {
  keptSets: string[];
  removedSets: string[];
  removedUnfinished: string[];
  /** sets with a manifest that does not verify: kept, to be looked at */
  unverified: string[];
  removedWalFiles: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** timeline, then log and segment; a .backup or .partial file carries its segment's name */
const WAL_NAME = /^([0-9A-F]{8})([0-9A-F]{16})(\.[0-9A-F]{8}\.backup|\.partial)?\.gz$/;

export function setIdTime(setId: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(setId);
  if (!m) throw new Error(`not a set id: ${setId}`);
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** True when the archived file `name` holds WAL from before `startWalFile`, which no kept set needs. */
export function isWalBefore(name: string, startWalFile: string): boolean {
  const file = WAL_NAME.exec(name);
  const start = /^([0-9A-F]{8})([0-9A-F]{16})$/.exec(startWalFile);
  if (!file || !start) return false;
  const [, fileTimeline = "", filePosition = ""] = file;
  const [, startTimeline = "", startPosition = ""] = start;
  // a later timeline branched off after the start; an earlier one's WAL after the start's
  // position is not on the kept set's history, but is kept as not proven unneeded
  return fileTimeline <= startTimeline && filePosition < startPosition;
}

export async function applyRetention(
  backupRoot: string,
  options: { keepDays: number; keepCount: number; now: Date },
): Promise<RetentionResult> {
  const { keepDays, keepCount, now } = options;
  const result: RetentionResult = {
    keptSets: [],
    removedSets: [],
    removedUnfinished: [],
    unverified: [],
    removedWalFiles: 0,
  };
  const complete: { setId: string; startWalFile: string }[] = [];
  for (const setId of await listSetIds(backupRoot)) {
    const state = await readSet(backupRoot, setId);
    if (state.complete) {
      complete.push({ setId, startWalFile: state.manifest.database.startWalFile });
      continue;
    }
    const finished =
      (await exists(manifestPath(backupRoot, setId))) && (await exists(signaturePath(backupRoot, setId)));
    if (finished) result.unverified.push(setId);
    else if (now.getTime() - setIdTime(setId).getTime() > DAY_MS) {
      await rm(setDir(backupRoot, setId), { recursive: true, force: true });
      result.removedUnfinished.push(setId);
    }
  }

  // newest first: the first keepCount stay whatever their age, the rest while young enough
  const newestFirst = [...complete].reverse();
  const kept = newestFirst.filter(
    (set, i) => i < Math.max(1, keepCount) || now.getTime() - setIdTime(set.setId).getTime() <= keepDays * DAY_MS,
  );
  for (const set of newestFirst) {
    if (kept.includes(set)) continue;
    // the signature first: a removal cut off half way leaves an unfinished set, not a broken "complete" one
    await rm(signaturePath(backupRoot, set.setId), { force: true });
    await rm(setDir(backupRoot, set.setId), { recursive: true, force: true });
    result.removedSets.push(set.setId);
  }
  result.keptSets = kept.map((s) => s.setId).reverse();

  const oldest = kept[kept.length - 1];
  if (!oldest) return result; // no complete set: no WAL is proven unneeded
  const names = await readdir(walDir(backupRoot)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  for (const name of names.sort()) {
    if (!isWalBefore(name, oldest.startWalFile)) continue;
    await rm(path.join(walDir(backupRoot), name), { force: true });
    result.removedWalFiles += 1;
  }
  return result;
}
