import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { notify } from "@/modules/notifications";
import { db, dbNow } from "@/server/db";
import { storeGeneratedPdf } from "@/server/pdf";
import { ppkSignedMessage } from "../domain/contract-messages";
import { contractIdSchema, type ContractIdInput } from "../contracts.schemas";
import { contractChanged } from "./contract-changed";
import { beginStep } from "./contract-step";
import { loadContractDocumentFacts, renderContract } from "./render-contract";

/**
 * The PPK signs after the vendor: the contract is SIGNED, its PDF (KONTRAK) is stored for both
 * parties (not public: the public sees the summary and the OCDS release), and the tender's OCDS
 * release gains the contract (tag "contract"). A recorded act, not a digital signature.
 */
export async function signContractAsPpk(actor: Actor, input: ContractIdInput) {
  const { contractId } = parseInput(contractIdSchema, input);
  let discard: (() => Promise<void>) | undefined;
  try {
    return await db.$transaction(
      async (tx) => {
        const { contract, next, ref, notice } = await beginStep(tx, actor, contractId, "PPK", "ppkSign");
        const now = await dbNow(tx);
        const facts = await loadContractDocumentFacts(tx, contractId);
        const stored = await storeGeneratedPdf(tx, {
          kind: "KONTRAK",
          fileName: `Kontrak-${facts.tender.code}.pdf`,
          bytes: await renderContract(facts, now),
          tenderId: contract.tenderId,
          isPublic: false,
          uploadedById: actor.userId,
        });
        discard = stored.discard;
        await tx.contract.update({
          where: { id: contractId },
          data: { status: next, ppkSignedAt: now, ppkSignedById: actor.userId },
        });
        await recordAuditEvent(tx, {
          actor,
          action: "contract.signed",
          entityType: "Contract",
          entityId: contractId,
          data: {
            number: contract.number,
            value: contract.value,
            documentId: stored.document.id,
            sha256: stored.document.sha256,
          },
        });
        await contractChanged(tx, contractId, "contractSigned", now);
        await notify(tx, { ...ppkSignedMessage(ref), ...(await notice()) });
        return { ppkSignedAt: now, documentId: stored.document.id };
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    await discard?.().catch(() => undefined);
    throw error;
  }
}
