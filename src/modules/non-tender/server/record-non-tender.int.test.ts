import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import type { RecordNonTenderInput } from "../non-tender.schemas";
import { recordNonTender } from "./record-non-tender";

async function ppkOf(timeZone = "Asia/Jakarta") {
  const agency = await makeAgency({ timeZone });
  const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
  return { agency, ppk };
}

/** Today in a zone by the database clock, plus `days`. */
async function dayIn(timeZone: string, days = 0): Promise<string> {
  const [row] = await db.$queryRaw<
    { d: string }[]
  >`SELECT to_char((clock_timestamp() AT TIME ZONE ${timeZone}) + make_interval(days => ${days}::int), 'YYYY-MM-DD') AS d`;
  return row!.d;
}

const input = (workUnitId: string, realizedOn: string): RecordNonTenderInput => ({
  workUnitId,
  name: "Pengadaan obat darurat banjir",
  rupCode: "RUP-2026-991",
  category: "BARANG",
  kind: "DILAKSANAKAN_LUAR_SISTEM",
  reason: "Server LPSE tidak dapat diakses selama tiga hari karena banjir.",
  value: 87_500_000n,
  vendorName: "PT Farmasi Nusantara",
  realizedOn,
});

describe("recordNonTender", () => {
  it("records it with the day at local midnight and the audit event", async () => {
    const { agency, ppk } = await ppkOf("Asia/Jayapura");
    const today = await dayIn("Asia/Jayapura");
    const { id } = await recordNonTender(ppk, input(agency.workUnits[0]!.id, today));
    const record = await db.nonTenderRecord.findUniqueOrThrow({ where: { id } });
    expect(record).toMatchObject({
      agencyId: agency.id,
      value: 87_500_000n,
      recordedById: ppk.userId,
      kind: "DILAKSANAKAN_LUAR_SISTEM",
    });
    // 00:00 WIT is 15:00 UTC the day before
    expect(record.realizedOn.toISOString()).toBe(new Date(`${today}T00:00:00+09:00`).toISOString());
    const audit = await db.auditEvent.findFirst({ where: { action: "nonTender.recorded", entityId: id } });
    expect(audit?.data).toMatchObject({ agencyId: agency.id, value: "87500000", realizedOn: today });
  });

  it("accepts a Pejabat Pengadaan and no RUP code", async () => {
    const agency = await makeAgency();
    const pp = actorFor(await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: agency.id }]));
    const { id } = await recordNonTender(pp, {
      ...input(agency.workUnits[0]!.id, await dayIn("Asia/Jakarta", -30)),
      rupCode: undefined,
      kind: "SWAKELOLA",
    });
    expect((await db.nonTenderRecord.findUniqueOrThrow({ where: { id } })).rupCode).toBeNull();
  });

  it("refuses tomorrow in the agency's zone", async () => {
    const { agency, ppk } = await ppkOf("Asia/Makassar");
    await expect(
      recordNonTender(ppk, input(agency.workUnits[0]!.id, await dayIn("Asia/Makassar", 1))),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "realizedInFuture" });
    expect(await db.nonTenderRecord.count()).toBe(0);
  });

  it("refuses a short reason and a zero value", async () => {
    const { agency, ppk } = await ppkOf();
    const base = input(agency.workUnits[0]!.id, await dayIn("Asia/Jakarta"));
    await expect(recordNonTender(ppk, { ...base, reason: "Server mati." })).rejects.toMatchObject({
      messageKey: "reasonTooShort",
    });
    await expect(recordNonTender(ppk, { ...base, value: 0n })).rejects.toMatchObject({ messageKey: "amountPositive" });
    expect(await db.nonTenderRecord.count()).toBe(0);
  });

  it("refuses a work unit of another agency, and a Pokja member; nothing changes", async () => {
    const { ppk } = await ppkOf();
    const other = await makeAgency();
    const pokja = actorFor(await makeUser([{ role: "POKJA", agencyId: other.id }]));
    const today = await dayIn("Asia/Jakarta");
    await expect(recordNonTender(ppk, input(other.workUnits[0]!.id, today))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(recordNonTender(pokja, input(other.workUnits[0]!.id, today))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.nonTenderRecord.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });
});
