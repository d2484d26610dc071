import "server-only";
import type { Tx } from "@/server/db";
import { buildTenderRelease, ocidFor, releaseTagsFor, sameReleaseContent, type TenderChangeTrigger } from "../domain";
import { insertRelease, lastRelease, lockedOcidPrefix, publicOrigin } from "./insert-release";
import { loadTenderSnapshot } from "./load-tender-snapshot";

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
  const loaded = await loadTenderSnapshot(tx, tenderId);
  if (!loaded) return;
  const tags = releaseTagsFor(trigger, { hadAnnouncement: loaded.hadAnnouncement });
  if (!tags) return;
  const prefix = await lockedOcidPrefix(tx, loaded.agencyId);
  const ocid = ocidFor(prefix, { kind: "TENDER", code: loaded.snapshot.code });
  const last = await lastRelease(tx, ocid);
  const position = last.position + 1;
  const release = buildTenderRelease(loaded.snapshot, {
    prefix,
    position,
    date: now,
    tags,
    publicOrigin: publicOrigin(),
  });
  if (trigger === "stageBoundary" && last.position > 0 && sameReleaseContent(last.data, release)) return;
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
}
