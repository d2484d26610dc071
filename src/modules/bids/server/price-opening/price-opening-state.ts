import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { formatInZone } from "@/lib/time";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { tenderRecordHeader, type PriceRecordHeader } from "../../domain/opening-record";
import {
  priceOpeningRefusal,
  type PriceOpeningRefusal,
  type PriceOpeningState,
  type TechnicalResult,
} from "../../domain/price-envelope";

/** What every price-opening step reads about the tender; no key material beyond the public key. */
export const PRICE_OPENING_SELECT = {
  id: true,
  code: true,
  status: true,
  openedAt: true,
  priceOpenedAt: true,
  evaluationMethod: true,
  technicalPassingGrade: true,
  paket: {
    select: {
      name: true,
      hps: true,
      agency: { select: { name: true, timeZone: true, lpse: { select: { name: true } } } },
    },
  },
  procedure: { select: { name: true, technicalPassingGrade: true } },
  priceKey: { select: { publicKey: true, threshold: true } },
  stages: { where: { kind: "PEMBUKAAN_HARGA" }, select: { startsAt: true, endsAt: true } },
} satisfies Prisma.TenderSelect;

export type PriceOpeningTender = Prisma.TenderGetPayload<{ select: typeof PRICE_OPENING_SELECT }>;

/** The grade in force: the tender's own, else the procedure's default (configuration, not law). */
export const passingGradeOf = (tender: PriceOpeningTender) =>
  tender.technicalPassingGrade ?? tender.procedure.technicalPassingGrade;

/** What every price envelope's record says first: the tender, the grade, when, and what stays sealed. */
export async function priceRecordHeader(
  tx: Tx,
  tender: PriceOpeningTender,
  openedAt: Date,
  sealedIds: string[],
): Promise<PriceRecordHeader> {
  const sealed = await tx.bid.findMany({
    where: { id: { in: sealedIds } },
    orderBy: { submittedAt: "asc" },
    select: { id: true, vendor: { select: { name: true } } },
  });
  return {
    ...tenderRecordHeader(tender),
    openedAt: openedAt.toISOString(),
    evaluationMethod: tender.evaluationMethod ?? "-",
    passingGrade: passingGradeOf(tender),
    sealed: sealed.map((b) => ({ bidId: b.id, vendorName: b.vendor.name })),
  };
}

/** Every SUBMITTED bid with its recorded evaluation stages, as the pure rule reads them. */
export async function technicalResults(client: Tx | Pick<Tx, "bid">, tenderId: string): Promise<TechnicalResult[]> {
  const bids = await client.bid.findMany({
    where: { tenderId, status: "SUBMITTED" },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      submittedAt: true,
      evaluations: { select: { stage: true, passed: true, score: true } },
    },
  });
  return bids.map((b) => ({
    bidId: b.id,
    submittedAt: b.submittedAt,
    evaluations: b.evaluations.map((e) => ({
      stage: e.stage,
      passed: e.passed,
      score: e.score === null ? null : Number(e.score),
    })),
  }));
}

export function priceOpeningStateOf(tender: PriceOpeningTender, bids: TechnicalResult[]): PriceOpeningState {
  const starts = tender.stages.map((s) => s.startsAt.getTime());
  return {
    hasPriceKey: tender.priceKey !== null,
    status: tender.status,
    openedAt: tender.openedAt,
    priceOpenedAt: tender.priceOpenedAt,
    stageStartsAt: starts.length ? new Date(Math.min(...starts)) : null,
    bids,
  };
}

/** A refusal as an errors.json key and its values, the instant in the agency's zone. */
export function priceRefusalMessage(
  refusal: PriceOpeningRefusal,
  timeZone: string,
  locale: "id" | "en",
): { key: string; values: Record<string, string | number> } {
  switch (refusal.key) {
    case "priceOpeningBeforeStage":
      return refusal.startsAt
        ? { key: refusal.key, values: { start: formatInZone(refusal.startsAt, timeZone, locale) } }
        : { key: "priceOpeningNoStage", values: {} };
    case "priceOpeningTechnicalPending":
      return { key: refusal.key, values: { pending: refusal.pending } };
    default:
      return { key: refusal.key, values: {} };
  }
}

/** Throws the refusal as an AppError the member can read. */
export function assertPriceOpenable(
  tender: PriceOpeningTender,
  bids: TechnicalResult[],
  now: Date,
  locale: "id" | "en",
): void {
  const refusal = priceOpeningRefusal(priceOpeningStateOf(tender, bids), now);
  if (!refusal) return;
  const { key, values } = priceRefusalMessage(refusal, tender.paket.agency.timeZone, locale);
  throw new AppError("INVALID_STATE", key, values);
}
