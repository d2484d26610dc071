import "server-only";
import type { ProcurementCategory } from "@/modules/paket/domain";
import { fromZonedLocal, toZonedLocal } from "@/lib/zoned-time";
import { AppError } from "@/server/errors";
import { monthlyPlan, performanceBond, periodIssue, planTermins } from "../domain";
import type { draftContractSchema } from "../contracts.schemas";
import type { z } from "zod";

type Terms = Omit<z.output<typeof draftContractSchema>, "tenderId">;

export interface AwardFacts {
  category: ProcurementCategory;
  /** the awarded price: the contract's value, never typed */
  value: bigint;
  correctedPrice: bigint;
  hps: bigint;
  paketCreatedAt: Date;
  sppbjIssuedAt: Date;
  timeZone: string;
}

const dayStart = (day: string, timeZone: string) => fromZonedLocal(`${day}T00:00`, timeZone)!;

function invalid(field: string, key: string): never {
  throw new AppError("VALIDATION", key, {}, { [field]: [key] });
}

/**
 * The contract's terms from the award and what the PPK typed: the period checked against the
 * SPPBJ, the termins (or equal months) summing exactly to the value, the performance bond by
 * the rule (Perpres 16/2018 Pasal 33). A refusal names its field; nothing is written.
 */
export function contractTerms(terms: Terms, award: AwardFacts) {
  const sppbjDay = toZonedLocal(award.sppbjIssuedAt, award.timeZone).slice(0, 10);
  const period = periodIssue(terms.startsOn, terms.endsOn, sppbjDay);
  if (period) invalid(period === "periodEndBeforeStart" ? "endsOn" : "startsOn", `contract.${period}`);
  const plan =
    terms.paymentMode === "BULANAN"
      ? monthlyPlan(award.value, terms.startsOn, terms.endsOn)
      : planTermins(award.value, terms.terminPlan);
  if (!plan.ok) invalid("terminPlan", `contract.${plan.issue}`);
  const bond = performanceBond({
    category: award.category,
    value: award.value,
    correctedPrice: award.correctedPrice,
    hps: award.hps,
    judgedOn: award.paketCreatedAt,
    assetsHeldByUser: terms.assetsHeldByUser,
  });
  return {
    contract: {
      startsOn: dayStart(terms.startsOn, award.timeZone),
      endsOn: dayStart(terms.endsOn, award.timeZone),
      paymentMode: terms.paymentMode,
      ppkSignatoryName: terms.ppkSignatoryName,
      ppkSignatoryPosition: terms.ppkSignatoryPosition,
      ppkSignatoryNip: terms.ppkSignatoryNip,
      vendorSignatoryName: terms.vendorSignatoryName,
      vendorSignatoryPosition: terms.vendorSignatoryPosition,
      vendorMandateNumber: terms.vendorMandateNumber,
      vendorMandateDate: terms.vendorMandateDate ? dayStart(terms.vendorMandateDate, award.timeZone) : null,
      vendorMandateGrantor: terms.vendorMandateGrantor,
      bondBasis: bond.basis,
      bondPercentBp: bond.percentBp,
      bondAmount: bond.amount,
      bondLegalBasis: bond.legalBasis,
    },
    termins: plan.termins.map((t) => ({
      position: t.position,
      description: t.description,
      percentBp: t.percentBp,
      amount: t.amount,
      dueOn: t.dueOn ? dayStart(t.dueOn, award.timeZone) : null,
    })),
  };
}
