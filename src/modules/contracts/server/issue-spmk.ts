import "server-only";
import { fromZonedLocal, toZonedLocal } from "@/lib/zoned-time";
import { formatDateInZone } from "@/lib/time";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { spmkNumber } from "../domain";
import { spmkMessage } from "../domain/contract-messages";
import { issueSpmkSchema, type IssueSpmkInput } from "../contracts.schemas";
import { contractChanged } from "./contract-changed";
import { inContractPdfTransaction } from "./contract-pdf-transaction";
import { beginStep } from "./contract-step";
import { loadContractDocumentFacts, renderSpmk } from "./render-contract";

/**
 * The PPK issues the SPMK (Surat Perintah Mulai Kerja) of a SIGNED contract: the work starts on
 * its day, which lies within the contract period (configuration: the period is the contract's
 * own); the contract is ACTIVE and H's execution opens.
 */
export async function issueSpmk(actor: Actor, input: IssueSpmkInput) {
  const { contractId, startsOn } = parseInput(issueSpmkSchema, input);
  return inContractPdfTransaction(actor, async (tx, storePdf) => {
    const { contract, next, ref, notice } = await beginStep(tx, actor, contractId, "PPK", "issueSpmk");
    const facts = await loadContractDocumentFacts(tx, contractId);
    const timeZone = facts.tender.paket.agency.timeZone;
    const from = toZonedLocal(facts.startsOn, timeZone).slice(0, 10);
    const to = toZonedLocal(facts.endsOn, timeZone).slice(0, 10);
    if (startsOn < from || startsOn >= to)
      throw new AppError("VALIDATION", "contract.spmkOutsidePeriod", {}, { startsOn: ["contract.spmkOutsidePeriod"] });
    const now = await dbNow(tx);
    const spmk = {
      number: spmkNumber(contract.number),
      issuedAt: now,
      startsOn: fromZonedLocal(`${startsOn}T00:00`, timeZone)!,
    };
    const document = await storePdf({
      kind: "SPMK",
      tenderId: contract.tenderId,
      tenderCode: facts.tender.code,
      bytes: await renderSpmk(facts, spmk),
    });
    await tx.contract.update({
      where: { id: contractId },
      data: { status: next, spmkNumber: spmk.number, spmkIssuedAt: now, spmkStartsOn: spmk.startsOn },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.spmkIssued",
      entityType: "Contract",
      entityId: contractId,
      data: { number: contract.number, spmkNumber: spmk.number, startsOn, documentId: document.id },
    });
    await contractChanged(tx, contractId, "spmkIssued", now);
    const startsText = formatDateInZone(spmk.startsOn, timeZone, "id");
    await notify(tx, {
      ...spmkMessage({ ...ref, spmkNumber: spmk.number, startsOn: startsText }),
      ...(await notice()),
    });
    return { spmkNumber: spmk.number, documentId: document.id };
  });
}
