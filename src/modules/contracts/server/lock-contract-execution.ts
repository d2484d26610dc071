import "server-only";
import { toZonedLocal } from "@/lib/zoned-time";
import type { Actor } from "@/modules/auth/domain";
import { vendorUserIds } from "@/modules/sanggah";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ExecutionRefusal } from "../domain/execution-rules";
import { mayActOn, type ContractParties } from "./contract-access";

const CONTRACT = {
  id: true,
  number: true,
  status: true,
  vendorId: true,
  originalValue: true,
  value: true,
  bondBasis: true,
  bondAmount: true,
  endsOn: true,
  spmkStartsOn: true,
  draftedById: true,
  ppkSignedById: true,
  rating: { select: { contractId: true } },
  termins: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      percentBp: true,
      amount: true,
      progressPercent: true,
      bastAt: true,
      paidAt: true,
    },
  },
  tender: {
    select: {
      id: true,
      code: true,
      paket: { select: { name: true, agencyId: true, createdById: true, agency: { select: { timeZone: true } } } },
    },
  },
} as const;

export type ExecutionSide = "ppk" | "vendor";

/**
 * Locks the contract's row (FOR UPDATE) before anything is read, so a BAST, a payment, an
 * addendum and a termination of one contract happen one after another (an addendum cannot
 * rescale a termin a payment is settling), then loads it for the actor:
 * - "ppk": contract.manage in the paket's agency, and the paket's own PPK or the one who drafted
 *   or signed the contract (another PPK of the agency is refused);
 * - "vendor": contract.respond, a user of the contract's vendor.
 * Anyone else is told NOT_FOUND, as for a contract that does not exist.
 */
export async function lockContractExecution(tx: Tx, actor: Actor, contractId: string, side: ExecutionSide) {
  await tx.$queryRaw`SELECT 1 FROM "Contract" WHERE id = ${contractId}::uuid FOR UPDATE`;
  const contract = await tx.contract.findUnique({ where: { id: contractId }, select: CONTRACT });
  if (!contract) throw new AppError("NOT_FOUND");
  if (!mayExecute(actor, side, contract)) throw new AppError("NOT_FOUND");
  return contract;
}

/** May the actor act on the contract's execution from this side (contract-access.ts `mayActOn`)? */
export function mayExecute(actor: Actor, side: ExecutionSide, contract: ContractParties): boolean {
  return mayActOn(actor, side === "ppk" ? "PPK" : "PENYEDIA", contract);
}

export type LockedContract = Awaited<ReturnType<typeof lockContractExecution>>;

// Refusals of what was typed: shown under the field as well.
const INPUT_REFUSALS: readonly ExecutionRefusal[] = [
  "progressRange",
  "progressBackwards",
  "paymentAboveTermin",
  "paymentNotPositive",
  "addendumNoChange",
  "addendumIncreaseTooLarge",
  "addendumBelowSettled",
  "addendumEndEarlier",
  "dayInFuture",
  "dayTooEarly",
];

/**
 * A refusal of the domain rules as the user sees it (errors.json's contractExecution group):
 * a second BAST, payment or rating is a CONFLICT, a refused figure or date a VALIDATION error
 * on its field, anything else the wrong state.
 */
export function refuse(refusal: ExecutionRefusal, values: Record<string, string | number> = {}, field?: string): never {
  const key = `contractExecution.${refusal}`;
  if (refusal.endsWith("Twice")) throw new AppError("CONFLICT", key, values);
  if (INPUT_REFUSALS.includes(refusal))
    throw new AppError("VALIDATION", key, values, field ? { [field]: [key] } : undefined);
  throw new AppError("INVALID_STATE", key, values);
}

/** The day ("2026-12-01") an instant falls on in the agency's zone. */
export const zonedDay = (instant: Date, timeZone: string) => toZonedLocal(instant, timeZone).slice(0, 10);

/** Who hears of a change made by the other side: the vendor's users, or the contract's PPK(s). */
export async function otherSideUserIds(tx: Tx, contract: LockedContract, side: ExecutionSide) {
  if (side === "ppk") return vendorUserIds(tx, contract.vendorId);
  return [
    ...new Set([contract.tender.paket.createdById, contract.draftedById, contract.ppkSignedById].filter(Boolean)),
  ] as string[];
}

/** The contract's page for each side (G's routes). */
export const contractLink = (contractId: string, side: "ppk" | "vendor") =>
  side === "ppk" ? `/ppk/kontrak/${contractId}` : `/penyedia/kontrak/${contractId}`;
