import { type StageKind, type TenderFailureKind, pushBack, type StageMove } from "@/modules/tenders/domain";
import { bidsSettledAt } from "@/modules/bids/domain";

export interface Stage {
  id: string;
  kind: StageKind;
  startsAt: Date;
  endsAt: Date;
}

export type DeadlineOutcome =
  | { kind: "none" }
  | { kind: "extend"; shiftMs: number }
  | { kind: "fail"; failureKind: Extract<TenderFailureKind, "NO_BIDS" | "TOO_FEW_BIDS"> };

export const EXTENSION_REASON =
  "Tidak ada penawaran yang masuk sampai batas akhir; batas akhir diperpanjang satu kali secara otomatis.";
export const NO_BIDS_REASON = "Tidak ada penawaran yang masuk setelah batas akhir diperpanjang satu kali.";
export const TOO_FEW_BIDS_REASON = "Jumlah penawaran yang masuk kurang dari jumlah minimal untuk metode pemilihan ini.";

/** The latest UPLOAD_PENAWARAN stage: its end is the bid deadline. */
export function uploadStage<S extends Stage>(stages: readonly S[]): S | null {
  let found: S | null = null;
  for (const s of stages) if (s.kind === "UPLOAD_PENAWARAN" && (!found || s.endsAt > found.endsAt)) found = s;
  return found;
}

/**
 * What happens when the bid deadline has passed (Perpres 16/2018 Pasal 51 as amended by
 * Perpres 12/2021: a tender fails when no bid comes in after the deadline was extended;
 * Perlem LKPP 12/2021: the extension is given once). Bids are counted once those that
 * arrived before the deadline are all recorded (bidsSettledAt, SUBMIT_GRACE_MS after it:
 * configuration, not law, decision 0020). Only a tender still PUBLISHED then is decided,
 * so a decision is taken once: an extension moves the deadline into the future, a failure
 * leaves PUBLISHED.
 *
 * - No bid and an extension left: extend by the upload stage's own length, counted from
 *   `now` (the worker comes at least the grace late), so bidders get the full period again.
 * - No bid and none left: FAILED, NO_BIDS.
 * - Fewer bids than the procedure's minimum (Tender Cepat needs 2): FAILED, TOO_FEW_BIDS;
 *   a regular tender (minimum 1) goes on with any number of bids.
 */
export function decideAtBidDeadline(
  input: {
    status: string;
    stages: readonly Stage[];
    submittedBids: number;
    deadlineExtensions: number;
    maxDeadlineExtensions: number;
    minBids: number;
  },
  now: Date,
): DeadlineOutcome {
  const upload = uploadStage(input.stages);
  if (input.status !== "PUBLISHED" || !upload || now.getTime() < bidsSettledAt(upload.endsAt).getTime())
    return { kind: "none" };
  if (input.submittedBids >= Math.max(1, input.minBids)) return { kind: "none" };
  if (input.submittedBids > 0) return { kind: "fail", failureKind: "TOO_FEW_BIDS" };
  if (input.deadlineExtensions < input.maxDeadlineExtensions) {
    const length = upload.endsAt.getTime() - upload.startsAt.getTime();
    const late = now.getTime() - upload.endsAt.getTime();
    return { kind: "extend", shiftMs: length + late };
  }
  return { kind: "fail", failureKind: "NO_BIDS" };
}

/**
 * The schedule after extending the upload stage by `shiftMs`: its end moves, and the
 * stages after it are pushed back by the one rule in tenders/domain/schedule (pushBack).
 * Returns only the stages that change.
 */
export function extendSchedule<S extends Stage>(stages: readonly S[], shiftMs: number): StageMove<S>[] {
  const upload = uploadStage(stages);
  return upload ? pushBack(stages, upload.endsAt, shiftMs) : [];
}
