import "server-only";
import type { Tx } from "@/server/db";
import {
  backfillTagsFor,
  buildTenderRelease,
  ocidFor,
  releaseTagsFor,
  sameReleaseContent,
  type ReleaseTag,
  type TenderChangeTrigger,
} from "../domain";
import { insertRelease, lastRelease, lockedOcidPrefix, publicOrigin } from "./insert-release";
import { loadTenderSnapshot } from "./load-tender-snapshot";

type LoadedTender = NonNullable<Awaited<ReturnType<typeof loadTenderSnapshot>>>;

/**
 * Publishes the OCDS release a change of the tender makes, in the change's transaction
 * (docs/decisions/0041), so a rolled-back change leaves no release. The caller holds the
 * tender's row lock. A change that publishes nothing (penetapan before the announcement, a
 * tender ulang's creation) writes nothing, and so does a stage boundary that changed nothing
 * the public sees.
 */
export async function recordTenderRelease(
  tx: Tx,
  tenderId: string,
  trigger: TenderChangeTrigger,
  now: Date,
): Promise<void> {
  const tagsFor = (loaded: LoadedTender) => releaseTagsFor(trigger, { hadAnnouncement: loaded.hadAnnouncement });
  await publishTenderRelease(tx, tenderId, now, tagsFor, { skipIfUnchanged: trigger === "stageBoundary" });
}

/**
 * The backfill's release of a tender that has none (published before the open-data work): its
 * state as it is now, tagged as fits that state. The caller holds the tender's row lock.
 */
export async function recordCurrentTenderRelease(tx: Tx, tenderId: string, now: Date): Promise<boolean> {
  return publishTenderRelease(tx, tenderId, now, (loaded) => backfillTagsFor(loaded.snapshot.status), {
    onlyIfNone: true,
  });
}

async function publishTenderRelease(
  tx: Tx,
  tenderId: string,
  now: Date,
  tagsFor: (loaded: LoadedTender) => ReleaseTag[] | null,
  options: { skipIfUnchanged?: boolean; onlyIfNone?: boolean },
): Promise<boolean> {
  const loaded = await loadTenderSnapshot(tx, tenderId);
  if (!loaded) return false;
  const tags = tagsFor(loaded);
  if (!tags) return false;
  const prefix = await lockedOcidPrefix(tx, loaded.agencyId);
  const ocid = ocidFor(prefix, { kind: "TENDER", code: loaded.snapshot.code });
  const last = await lastRelease(tx, ocid);
  if (options.onlyIfNone && last.position > 0) return false;
  const position = last.position + 1;
  const release = buildTenderRelease(loaded.snapshot, {
    prefix,
    position,
    date: now,
    tags,
    publicOrigin: publicOrigin(),
  });
  if (options.skipIfUnchanged && last.position > 0 && sameReleaseContent(last.data, release)) return false;
  // A tender published before the open-data work (or made whole by a test factory) has no
  // release yet: its first one is its "tender" release too.
  if (last.position === 0 && !tags.includes("tender"))
    release.tag = ["tender", ...tags.filter((t) => t !== "tenderUpdate" && t !== "tenderAmendment")];
  await insertRelease(tx, release, {
    position,
    kind: "TENDER",
    agencyId: loaded.agencyId,
    fiscalYear: loaded.fiscalYear,
    tenderId,
  });
  return true;
}
