import { randomUUID } from "node:crypto";
import { applyTenderEvent } from "@/modules/tenders/server/apply-tender-event";
import { db } from "@/server/db";
import { makeAwardedTender } from "@/tests/factories";

const DAY = 86_400_000;

/**
 * A construction contract as the execution's integration tests need it, written directly
 * (drafting and signing are G's use cases, tested there): signed by both, the SPMK issued a
 * week before the database clock, ACTIVE, Rp1.000.000.000 in two termins of 40% and 60%.
 * `status` SIGNED leaves the SPMK out. `sppbj` issues the tender's SPPBJ first (the lifecycle's
 * own event), so the contract enters the tender's OCDS release.
 */
export async function makeActiveContract(options: { status?: "SIGNED" | "ACTIVE"; sppbj?: boolean } = {}) {
  const made = await makeAwardedTender({ category: "PEKERJAAN_KONSTRUKSI" });
  if (options.sppbj)
    await db.$transaction((tx) =>
      applyTenderEvent(tx, made.tender.id, { kind: "sppbjIssued" }, { actor: made.ppk, now: made.now }),
    );
  const signedAt = new Date(made.now.getTime() - 10 * DAY);
  const spmk =
    options.status === "SIGNED"
      ? {}
      : {
          spmkNumber: `SPMK/${randomUUID().slice(0, 8)}`,
          spmkIssuedAt: new Date(made.now.getTime() - 8 * DAY),
          spmkStartsOn: new Date(made.now.getTime() - 7 * DAY),
        };
  const contract = await db.contract.create({
    data: {
      tenderId: made.tender.id,
      winnerBidId: made.winner.bid.id,
      vendorId: made.winner.vendorId,
      number: `KONTRAK/${randomUUID().slice(0, 8)}`,
      status: options.status ?? "ACTIVE",
      originalValue: 1_000_000_000n,
      value: 1_000_000_000n,
      hps: 1_050_000_000n,
      startsOn: new Date(made.now.getTime() - 7 * DAY),
      endsOn: new Date(made.now.getTime() + 120 * DAY),
      paymentMode: "TERMIN",
      ppkSignatoryName: "Ir. Pejabat Uji",
      ppkSignatoryPosition: "Pejabat Pembuat Komitmen",
      ppkSignatoryNip: "198001012005011001",
      vendorSignatoryName: "Direktur Uji",
      vendorSignatoryPosition: "Direktur Utama",
      bondBasis: "CONTRACT_VALUE",
      bondPercentBp: 500,
      bondAmount: 50_000_000n,
      bondLegalBasis: "Perpres 16/2018 Pasal 33",
      draftedById: made.ppk.userId,
      draftedAt: new Date(made.now.getTime() - 12 * DAY),
      sentAt: new Date(made.now.getTime() - 11 * DAY),
      vendorSignedAt: signedAt,
      vendorSignedById: made.winner.penyedia.userId,
      ppkSignedAt: signedAt,
      ppkSignedById: made.ppk.userId,
      ...spmk,
      termins: {
        create: [
          { position: 1, description: "Termin 1: pekerjaan struktur", percentBp: 4000, amount: 400_000_000n },
          {
            position: 2,
            description: "Termin 2: penyelesaian dan serah terima",
            percentBp: 6000,
            amount: 600_000_000n,
          },
        ],
      },
    },
  });
  return { ...made, contract, vendor: made.winner.penyedia };
}
