import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { parseInput } from "@/modules/failure";
import { awardedPrice } from "@/modules/award";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { contractNumber } from "../domain";
import { draftContractSchema, type DraftContractInput } from "../contracts.schemas";
import { contractTerms } from "./contract-terms";

/**
 * The PPK of the paket's agency drafts the contract from the award once the SPPBJ is issued
 * (Perpres 16/2018 Pasal 52-57): the value is the awarded price (award's awardedPrice, the one
 * the SPPBJ reads: a negotiated price, else the winner's corrected price), the HPS the paket's,
 * the bond the rule's; none of them is typed. One contract per tender (unique in PostgreSQL too).
 */
export async function draftContract(actor: Actor, input: DraftContractInput) {
  const { tenderId, ...terms } = parseInput(draftContractSchema, input);
  return db.$transaction(async (tx) => {
    const access = await tx.tender.findUnique({
      where: { id: tenderId },
      select: { paket: { select: { agencyId: true } } },
    });
    if (!access || !can(actor, "contract.manage", { agencyId: access.paket.agencyId })) throw new AppError("NOT_FOUND");
    await tx.$queryRaw`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR UPDATE`;
    const tender = await tx.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: {
        code: true,
        status: true,
        sppbjIssuedAt: true,
        winnerBidId: true,
        contract: { select: { id: true } },
        paket: {
          select: { category: true, hps: true, createdAt: true, agency: { select: { code: true, timeZone: true } } },
        },
      },
    });
    if (tender.contract) throw new AppError("CONFLICT", "contract.exists");
    if (tender.status !== "COMPLETED" || !tender.sppbjIssuedAt || !tender.winnerBidId)
      throw new AppError("INVALID_STATE", "contract.noSppbj");
    const winner = await tx.bid.findUniqueOrThrow({
      where: { id: tender.winnerBidId },
      select: { vendorId: true, correctedPrice: true, openedPrice: true },
    });
    const correctedPrice = winner.correctedPrice ?? winner.openedPrice;
    const value = await awardedPrice(tx, tenderId);
    if (value == null || correctedPrice == null || tender.paket.hps == null)
      throw new AppError("INVALID_STATE", "contract.priceMissing");
    const { agency } = tender.paket;
    const { contract, termins } = contractTerms(terms, {
      category: tender.paket.category,
      value,
      correctedPrice,
      hps: tender.paket.hps,
      paketCreatedAt: tender.paket.createdAt,
      sppbjIssuedAt: tender.sppbjIssuedAt,
      timeZone: agency.timeZone,
    });
    const now = await dbNow(tx);
    const year = new Intl.DateTimeFormat("en-GB", { timeZone: agency.timeZone, year: "numeric" }).format(now);
    const created = await tx.contract.create({
      data: {
        tenderId,
        winnerBidId: tender.winnerBidId,
        vendorId: winner.vendorId,
        number: contractNumber(tender.code, agency.code, year),
        originalValue: value,
        value,
        hps: tender.paket.hps,
        ...contract,
        draftedById: actor.userId,
        draftedAt: now,
        termins: { create: termins },
      },
      select: { id: true, number: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "contract.drafted",
      entityType: "Contract",
      entityId: created.id,
      data: { tenderId, number: created.number, value, bondAmount: contract.bondAmount, termins: termins.length },
    });
    return { contractId: created.id, number: created.number };
  });
}
