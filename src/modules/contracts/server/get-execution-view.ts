import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ADDENDA_IN_ORDER, bondToClaim } from "../domain";
import { currentTermin, maxAmendedValue, progressNeeded, reportedProgress } from "../domain/execution-rules";
import { mayExecute } from "./lock-contract-execution";

/**
 * What the execution panel shows on a contract page: the addenda, the termination, the rating,
 * and which forms the viewer may use (the same checks as the use cases, which decide again).
 * Anyone who may not act from the given side: NOT_FOUND.
 */
export async function getExecutionView(actor: Actor, contractId: string, side: "ppk" | "vendor") {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: {
      status: true,
      vendorId: true,
      originalValue: true,
      value: true,
      endsOn: true,
      draftedById: true,
      ppkSignedById: true,
      terminatedAt: true,
      terminationGround: true,
      terminationReason: true,
      bondBasis: true,
      bondAmount: true,
      tender: { select: { paket: { select: { agencyId: true, createdById: true } } } },
      termins: {
        orderBy: { position: "asc" },
        select: { position: true, percentBp: true, amount: true, progressPercent: true, bastAt: true, paidAt: true },
      },
      addenda: ADDENDA_IN_ORDER,
      rating: { select: { quality: true, cost: true, timeliness: true, service: true, note: true, ratedAt: true } },
    },
  });
  if (!contract) throw new AppError("NOT_FOUND");
  const mayAct = mayExecute(actor, side, contract);
  // the vendor's page is its own; a PPK of the agency who is not the contract's reads without forms
  if (side === "vendor" && !mayAct) throw new AppError("NOT_FOUND");
  const running = currentTermin(contract.termins);
  return {
    status: contract.status,
    value: contract.value,
    originalValue: contract.originalValue,
    maxValue: maxAmendedValue(contract.originalValue),
    endsOn: contract.endsOn,
    terminatedAt: contract.terminatedAt,
    terminationGround: contract.terminationGround,
    terminationReason: contract.terminationReason,
    bondToClaim: contract.terminationGround
      ? bondToClaim(contract.terminationGround, { basis: contract.bondBasis, amount: contract.bondAmount })
      : null,
    addenda: contract.addenda,
    rating: contract.rating,
    progress: reportedProgress(contract.termins),
    running: running
      ? { position: running.position, needed: progressNeeded(contract.termins, running.position) }
      : null,
    mayManage: side === "ppk" && mayAct,
    mayReport: side === "vendor" && mayAct,
  };
}

export type ExecutionView = Awaited<ReturnType<typeof getExecutionView>>;
