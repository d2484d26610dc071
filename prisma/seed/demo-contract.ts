import type { PrismaClient } from "../../src/generated/prisma/client";
import { addBlacklistEntry } from "../../src/modules/blacklist/server/add-blacklist-entry";
import { draftContract } from "../../src/modules/contracts/server/draft-contract";
import { issueSpmk } from "../../src/modules/contracts/server/issue-spmk";
import { recordBast } from "../../src/modules/contracts/server/record-bast";
import { recordPayment } from "../../src/modules/contracts/server/record-payment";
import { reportProgress } from "../../src/modules/contracts/server/report-progress";
import { sendContract } from "../../src/modules/contracts/server/send-contract";
import { signContractAsPpk } from "../../src/modules/contracts/server/sign-contract-as-ppk";
import { signContractAsVendor } from "../../src/modules/contracts/server/sign-contract-as-vendor";
import { toZonedLocal } from "../../src/lib/zoned-time";
import { actorOf } from "./demo-actors";
import { USERS, VENDORS } from "./demo-people";
import { setClock } from "./seed-clock";

const DAY = 86_400_000;

/**
 * e-Kontrak on a tender whose SPPBJ the walk issued (issue 15): the PPK drafts from the
 * award (two termins, 40/60), sends, the vendor signs, the PPK signs, the SPMK starts the
 * work; the first termin's progress, BAST and payment are recorded. The contract stays
 * ACTIVE, so /ppk/kontrak, /penyedia/kontrak and the tender's public page show it under way.
 * Each step at its own time on the seed's clock, the last a day before now.
 */
export async function seedActiveContract(
  db: PrismaClient,
  tenderId: string,
  ppkEmail: string,
  vendorEmail: string,
  now: Date,
): Promise<void> {
  const tender = await db.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { sppbjIssuedAt: true, paket: { select: { agency: { select: { timeZone: true } } } } },
  });
  const drafting = new Date(now.getTime() - 9 * DAY);
  if (!tender.sppbjIssuedAt || tender.sppbjIssuedAt >= drafting)
    throw new Error("demo contract: the SPPBJ must be issued more than nine days ago; start the tender earlier");
  const zone = tender.paket.agency.timeZone;
  const day = (at: Date) => toZonedLocal(at, zone).slice(0, 10);
  const ppk = await actorOf(db, ppkEmail);
  const vendor = await actorOf(db, vendorEmail);
  const ppkUser = USERS.find((u) => u.email === ppkEmail)!;
  // the winner's director signs for it (contracts/domain/signatory.ts)
  const director = VENDORS.find((v) => v.npwp === USERS.find((u) => u.email === vendorEmail)!.vendorNpwp)!.director;

  await setClock(db, drafting);
  const { contractId } = await draftContract(ppk, {
    tenderId,
    startsOn: day(new Date(drafting.getTime() + 2 * DAY)),
    endsOn: day(new Date(drafting.getTime() + 150 * DAY)),
    paymentMode: "TERMIN",
    terminPlan: "Termin I: pekerjaan struktur dan fondasi; 40\nTermin II: penyelesaian dan serah terima; 60",
    ppkSignatoryName: ppkUser.name,
    ppkSignatoryPosition: "Pejabat Pembuat Komitmen",
    ppkSignatoryNip: ppkUser.nip ?? "198001152006042003",
    vendorSignatoryName: director.name,
    vendorSignatoryPosition: director.position,
  });
  await sendContract(ppk, { contractId });
  await setClock(db, new Date(drafting.getTime() + DAY));
  await signContractAsVendor(vendor, { contractId });
  await signContractAsPpk(ppk, { contractId });
  const spmkAt = new Date(drafting.getTime() + 2 * DAY);
  await setClock(db, spmkAt);
  await issueSpmk(ppk, { contractId, startsOn: day(spmkAt) });

  const progressAt = new Date(now.getTime() - 3 * DAY);
  await setClock(db, progressAt);
  await reportProgress(vendor, {
    contractId,
    position: 1,
    percent: 40,
    note: "Pekerjaan struktur dan fondasi selesai sesuai laporan MC-40.",
  });
  const bastAt = new Date(now.getTime() - 2 * DAY);
  await setClock(db, bastAt);
  await recordBast(ppk, { contractId, position: 1, bastNumber: "BAST-01/DEMO/2026", bastOn: day(bastAt) });
  const first = await db.contractTermin.findFirstOrThrow({
    where: { contractId, position: 1 },
    select: { amount: true },
  });
  const paidAt = new Date(now.getTime() - DAY);
  await setClock(db, paidAt);
  await recordPayment(ppk, {
    contractId,
    position: 1,
    amount: first.amount,
    paidOn: day(paidAt),
    reference: "SP2D-00123/DEMO/2026",
  });
}

/**
 * One daftar hitam entry by the Verifikator (national), for a company that is not a demo
 * account: the public /daftar-hitam shows it, and every demo vendor still bids.
 */
export async function seedBlacklistEntry(db: PrismaClient, now: Date): Promise<void> {
  await setClock(db, new Date(now.getTime() - 5 * DAY));
  const verifikator = await actorOf(db, "verifikator@segel.test");
  const from = toZonedLocal(new Date(now.getTime() - 5 * DAY), "Asia/Jakarta").slice(0, 10);
  const to = toZonedLocal(new Date(now.getTime() + 360 * DAY), "Asia/Jakarta").slice(0, 10);
  await addBlacklistEntry(verifikator, {
    npwp: "017654321098000",
    vendorName: "PT Cahaya Konstruksi Fiktif",
    decreeNumber: "KEP-DH/017/LKPP/2026",
    legalBasis: "Perpres 16/2018 jo. 12/2021 Pasal 78 ayat (3) huruf b; Perlem LKPP 4/2021",
    reason: "Menyampaikan dokumen pengalaman palsu dalam tender Pembangunan Gedung Serbaguna (demo).",
    firstDay: from,
    lastDay: to,
  });
}
