import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ocdsChecks, validateRelease } from "@/tests/setup/ocds-validator";
import { draftTerms, makeSppbjTender } from "../testing/sppbj-tender";
import { amendContract } from "./amend-contract";
import { draftContract } from "./draft-contract";
import { issueSpmk } from "./issue-spmk";
import { rateVendor } from "./rate-vendor";
import { recordBast } from "./record-bast";
import { recordPayment } from "./record-payment";
import { reportProgress } from "./report-progress";
import { sendContract } from "./send-contract";
import { signContractAsPpk } from "./sign-contract-as-ppk";
import { signContractAsVendor } from "./sign-contract-as-vendor";

const PREFIX = "ocds-ujih01";

// The contract as G's use cases make it (drafted from the award, signed by both, the SPMK
// issued) through the execution to the rating: the journey's path at the use cases' level,
// with every OCDS release it publishes valid.
describe("a construction contract from the SPPBJ to the rating", () => {
  it("two termins, an addendum, BAST and payment each, COMPLETED, rated; the releases validate", async () => {
    const made = await makeSppbjTender({ category: "PEKERJAAN_KONSTRUKSI" });
    await db.lpseInstance.update({ where: { id: made.agency.lpseId }, data: { ocidPrefix: PREFIX } });
    const { ppk } = made;
    const vendor = made.winner.penyedia;
    const today = made.day(0);
    const { contractId } = await draftContract(ppk, {
      tenderId: made.tender.id,
      ...draftTerms(made.day),
      startsOn: today,
    });
    await sendContract(ppk, { contractId });
    await signContractAsVendor(vendor, { contractId });
    await signContractAsPpk(ppk, { contractId });
    await issueSpmk(ppk, { contractId, startsOn: today });

    // Rp452.750.000 in 40% and 60%; an addendum adds 10% exactly, the termins follow
    await amendContract(ppk, {
      contractId,
      newValue: "498.025.000",
      newEndsOn: made.day(120),
      reason: "Pekerjaan tambah: saluran drainase sesuai hasil MC-0.",
    });
    const amounts = async () =>
      (await db.contractTermin.findMany({ where: { contractId }, orderBy: { position: "asc" } })).map((t) => t.amount);
    const [first, second] = await amounts();
    expect(first! + second!).toBe(498_025_000n);

    await reportProgress(vendor, { contractId, position: 1, percent: 40, note: "Struktur selesai." });
    await recordBast(ppk, { contractId, position: 1, bastNumber: "BAST-1", bastOn: today });
    await recordPayment(ppk, { contractId, position: 1, amount: first!, paidOn: today, reference: "SP2D-1" });
    await reportProgress(vendor, { contractId, position: 2, percent: 100, note: "Pekerjaan selesai seluruhnya." });
    await expect(
      recordBast(ppk, { contractId, position: 2, bastNumber: "BAST-2", bastOn: today }),
    ).resolves.toMatchObject({ completed: true });
    await recordPayment(ppk, { contractId, position: 2, amount: second!, paidOn: today, reference: "SP2D-2" });
    await rateVendor(ppk, {
      contractId,
      quality: 4,
      cost: 3,
      timeliness: 4,
      service: 4,
      note: "Tepat waktu dan rapi.",
    });

    const contract = await db.contract.findUniqueOrThrow({
      where: { id: contractId },
      select: { status: true, value: true, originalValue: true, rating: { select: { quality: true } } },
    });
    expect(contract).toEqual({
      status: "COMPLETED",
      value: 498_025_000n,
      originalValue: 452_750_000n,
      rating: { quality: 4 },
    });
    const releases = await db.ocdsRelease.findMany({
      where: { tenderId: made.tender.id },
      orderBy: { position: "asc" },
      select: { data: true },
    });
    for (const release of releases) expect(validateRelease(release.data)).toEqual([]);
    // the releases since the prefix was set (the SPPBJ's came before it)
    const ours = releases.filter((r) => (r.data as { ocid: string }).ocid.startsWith(`${PREFIX}-`));
    expect(ours.length).toBeGreaterThan(5);
    expect(
      ocdsChecks(
        ours.map((r) => r.data),
        PREFIX,
      ),
    ).toEqual([]);
    const last = releases.at(-1)!.data as { contracts: { status: string }[] };
    expect(last.contracts[0]!.status).toBe("terminated");
  });
});
