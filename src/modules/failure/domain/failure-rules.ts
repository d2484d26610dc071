import type { TenderFailureKind, TenderStatus } from "@/modules/tenders/domain";

/** Every reason a person gives here is public or decides money: say enough to be checked. */
export const REASON_MIN = 20;
export const REASON_MAX = 4000;

/**
 * The failures a Pokja declares itself (Perpres 16/2018 Pasal 51 as amended by Perpres
 * 12/2021): nobody passes the evaluation, every price above HPS, an error in the
 * selection documents, collusion among all bidders, or another ground it names. NO_BIDS
 * and TOO_FEW_BIDS are the schedule worker's, at the bid deadline.
 */
export const DECLARABLE_KINDS = [
  "NOBODY_PASSES",
  "ALL_ABOVE_HPS",
  "DOCUMENT_ERROR",
  "COLLUSION",
  "OTHER",
] as const satisfies readonly TenderFailureKind[];
export type DeclarableKind = (typeof DECLARABLE_KINDS)[number];

/**
 * When may it be declared? During the evaluation, once the bids are opened (the grounds
 * need the bids), which includes the evaluation reopened after an accepted sanggah; an
 * error in the selection documents may also be found while the tender is still announced.
 * After the announcement (AWARDED) only when a sanggah or banding of the announcement in
 * force was accepted: the objection showed the result wrong, and the Pokja may then end
 * the tender instead of re-evaluating (Perpres 16/2018 jo. 12/2021 Pasal 50 and 51; Perlem
 * LKPP 12/2021 Lampiran II). An acceptance normally withdraws the award at once (the
 * tender is back in EVALUATION); AWARDED with an accepted objection is a tender answered
 * before that rule existed.
 */
export function checkDeclareFailed(
  tender: { status: TenderStatus; openedAt: Date | null; hasAcceptedObjection: boolean },
  kind: DeclarableKind,
): { ok: true } | { ok: false; key: string } {
  if (tender.status === "EVALUATION" && tender.openedAt !== null) return { ok: true };
  if (tender.status === "AWARDED")
    return tender.hasAcceptedObjection ? { ok: true } : { ok: false, key: "failAfterAwardNeedsAcceptedSanggah" };
  if (tender.status === "PUBLISHED" && kind === "DOCUMENT_ERROR") return { ok: true };
  if (tender.status === "EVALUATION") return { ok: false, key: "failBeforeOpening" };
  return { ok: false, key: "failWrongState" };
}

/**
 * Penunjukan langsung after a failed re-tender (Perpres 16/2018 Pasal 38 ayat (5) and
 * Pasal 51 as amended): the tender failed, it was itself a tender ulang, and the
 * tender before it failed too. A pending or approved request excludes another; after a
 * rejection a new request may be made.
 */
/**
 * The PA/KPA's answer to a request for penunjukan langsung; null on a request is undecided.
 * Prisma's PenunjukanDecision (checked in src/server/domain-enums.ts).
 */
export const PENUNJUKAN_DECISIONS = ["APPROVED", "REFUSED"] as const;
export type PenunjukanDecision = (typeof PENUNJUKAN_DECISIONS)[number];

export function checkPenunjukanLangsung(
  tender: {
    status: TenderStatus;
    previousStatus: TenderStatus | null;
    hasRetender: boolean;
    requests: readonly { decision: PenunjukanDecision | null }[];
    /**
     * A seleksi failed in prakualifikasi after its repeat with one firm passing: that firm,
     * the only one penunjukan langsung may go to (Perlem LKPP 12/2021 Lampiran II; helper D).
     */
    onlyPassingFirm?: string | null;
  },
  vendorId: string | null = null,
): { ok: true } | { ok: false; key: string } {
  const afterPrequalification = tender.status === "FAILED" && Boolean(tender.onlyPassingFirm);
  if (afterPrequalification && vendorId !== tender.onlyPassingFirm) return { ok: false, key: "plOnlyPassingFirm" };
  if (!afterPrequalification && (tender.status !== "FAILED" || tender.previousStatus !== "FAILED"))
    return { ok: false, key: "plNeedsFailedRetender" };
  if (tender.hasRetender) return { ok: false, key: "retenderExists" };
  if (tender.requests.some((r) => r.decision !== "REFUSED")) return { ok: false, key: "plAlreadyRequested" };
  return { ok: true };
}
