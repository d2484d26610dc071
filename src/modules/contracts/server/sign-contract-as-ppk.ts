import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { dbNow } from "@/server/db";
import { ppkSignedMessage } from "../domain/contract-messages";
import { contractIdSchema, type ContractIdInput } from "../contracts.schemas";
import { contractChanged } from "./contract-changed";
import { inContractPdfTransaction } from "./contract-pdf-transaction";
import { beginStep } from "./contract-step";
import { loadContractDocumentFacts, renderContract } from "./render-contract";

/**
 * The PPK signs after the vendor: the contract is SIGNED, its PDF (KONTRAK) is stored for both
 * parties (not public: the public sees the summary and the OCDS release), and the tender's OCDS
 * release gains the contract (tag "contract"). A recorded act, not a digital signature.
 */
export async function signContractAsPpk(actor: Actor, input: ContractIdInput) {
  const { contractId } = parseInput(contractIdSchema, input);
  return inContractPdfTransaction(actor, async (tx, storePdf) => {
    const { contract, next, ref, notice } = await beginStep(tx, actor, contractId, "PPK", "ppkSign");
    const now = await dbNow(tx);
    const facts = await loadContractDocumentFacts(tx, contractId);
    const document = await storePdf({
      kind: "KONTRAK",
      tenderId: contract.tenderId,
      tenderCode: facts.tender.code,
      bytes: await renderContract(facts, now),
    });
    await tx.contract.update({
      where: { id: contractId },
      data: { status: next, ppkSignedAt: now, ppkSignedById: actor.userId },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.signed",
      entityType: "Contract",
      entityId: contractId,
      data: { number: contract.number, value: contract.value, documentId: document.id, sha256: document.sha256 },
    });
    await contractChanged(tx, contractId, "contractSigned", now);
    await notify(tx, { ...ppkSignedMessage(ref), ...(await notice()) });
    return { ppkSignedAt: now, documentId: document.id };
  });
}
