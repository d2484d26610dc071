import "server-only";
import { CONTRACT_TERM_FIELDS } from "../domain";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { mayActOn, mayRead, type ContractSide } from "./contract-access";

/**
 * The contract page's data for the PPK of the paket's agency or a user of the winning vendor;
 * anyone else: NOT_FOUND. Plain objects through `select`.
 */
export async function getContractView(actor: Actor, contractId: string, side: ContractSide) {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      tenderId: true,
      vendorId: true,
      number: true,
      status: true,
      originalValue: true,
      ...CONTRACT_TERM_FIELDS,
      draftedAt: true,
      sentAt: true,
      vendorNote: true,
      vendorSignedAt: true,
      ppkSignedAt: true,
      draftedById: true,
      ppkSignedById: true,
      spmkNumber: true,
      spmkIssuedAt: true,
      spmkStartsOn: true,
      completedAt: true,
      terminatedAt: true,
      terminationReason: true,
      vendor: { select: { name: true } },
      tender: {
        select: {
          code: true,
          paket: {
            select: {
              ...{ name: true, category: true, agencyId: true, createdById: true },
              agency: { select: { name: true, timeZone: true } },
            },
          },
        },
      },
      termins: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          description: true,
          percentBp: true,
          amount: true,
          dueOn: true,
          progressPercent: true,
          progressReportedAt: true,
          bastNumber: true,
          bastAt: true,
          paidAmount: true,
          paidAt: true,
          paymentReference: true,
        },
      },
    },
  });
  if (!contract || !mayRead(actor, side, contract.tender.paket.agencyId, contract.vendorId))
    throw new AppError("NOT_FOUND");
  // the vendor sees the contract once it was sent to it (a first draft is the PPK's)
  if (side === "PENYEDIA" && contract.sentAt === null) throw new AppError("NOT_FOUND");
  const documents = await db.document.findMany({
    where: { tenderId: contract.tenderId, kind: { in: ["KONTRAK", "SPMK"] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, fileName: true },
  });
  // another PPK of the agency reads the contract but is offered no step (contract-access.ts)
  return { ...contract, category: contract.tender.paket.category, documents, mayAct: mayActOn(actor, side, contract) };
}

export type ContractView = Awaited<ReturnType<typeof getContractView>>;
