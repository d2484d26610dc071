import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { findBidDeadline } from "@/modules/tenders/domain";
import { formatInZone } from "@/lib/time";
import { AppError } from "@/server/errors";
import { openingRefusal, type OpeningRefusal, type OpeningState } from "../../domain/opening-rules";

/** What every opening step reads about the tender; no key material beyond the public key. */
export const OPENING_TENDER_SELECT = {
  id: true,
  code: true,
  status: true,
  openedAt: true,
  deadlineExtensions: true,
  _count: { select: { bids: { where: { status: "SUBMITTED" } } } },
  paket: {
    select: {
      name: true,
      hps: true,
      agency: { select: { name: true, timeZone: true, lpse: { select: { name: true } } } },
    },
  },
  procedure: { select: { name: true, minBids: true, maxDeadlineExtensions: true } },
  openingKey: { select: { publicKey: true, threshold: true } },
  /** two envelopes: present only on a twoFiles tender (decision 0042) */
  priceKey: { select: { publicKey: true, threshold: true } },
  stages: { where: { kind: "UPLOAD_PENAWARAN" }, select: { kind: true, startsAt: true, endsAt: true } },
} satisfies Prisma.TenderSelect;

export type OpeningTender = Prisma.TenderGetPayload<{ select: typeof OPENING_TENDER_SELECT }>;

export function openingStateOf(tender: OpeningTender): OpeningState & { timeZone: string } {
  return {
    status: tender.status,
    openedAt: tender.openedAt,
    hasOpeningKey: tender.openingKey !== null,
    deadline: findBidDeadline(tender.stages),
    submittedBids: tender._count.bids,
    extensionsLeft: Math.max(0, tender.procedure.maxDeadlineExtensions - tender.deadlineExtensions),
    timeZone: tender.paket.agency.timeZone,
  };
}

/** A refusal as an errors.json key and its values, the instants in the agency's zone. */
export function refusalMessage(
  refusal: OpeningRefusal,
  state: { openedAt: Date | null; timeZone: string },
  locale: "id" | "en",
): { key: string; values: Record<string, string> } {
  const at = (d: Date) => formatInZone(d, state.timeZone, locale);
  switch (refusal.key) {
    case "openingBeforeDeadlineAt":
      return refusal.deadline
        ? { key: refusal.key, values: { deadline: at(refusal.deadline) } }
        : { key: "openingNoDeadline", values: {} };
    case "openingBidsSettling":
      return { key: refusal.key, values: { deadline: at(refusal.deadline), until: at(refusal.until) } };
    case "openingAlreadyDone":
      return { key: refusal.key, values: { openedAt: at(state.openedAt!) } };
    default:
      return { key: refusal.key, values: {} };
  }
}

/** Throws the refusal as an AppError the member can read, the instants in the agency's zone. */
export function assertOpenable(tender: OpeningTender, now: Date, locale: "id" | "en"): void {
  const state = openingStateOf(tender);
  const refusal = openingRefusal(state, now);
  if (!refusal) return;
  const { key, values } = refusalMessage(refusal, state, locale);
  throw new AppError("INVALID_STATE", key, values);
}
