import { describe, expect, it } from "vitest";
import { makeActor, makeAgency } from "@/tests/factories";
import { db } from "@/server/db";
import { validateRelease } from "@/tests/setup/ocds-validator";
import en from "@/i18n/messages/en/errors.json";
import id from "@/i18n/messages/id/errors.json";
import { TERMINATION_GROUNDS, TERMINATION_GROUND_LABELS, isVendorFault } from "../domain/termination-grounds";
import { makeActiveContract } from "../testing/active-contract";
import { terminateContract } from "./terminate-contract";

const REASON = "Penyedia tidak memulai pekerjaan struktur setelah tiga kali surat teguran.";

/** The contract's termination audit event's data. */
const auditData = async (contractId: string) =>
  (
    await db.auditEvent.findFirstOrThrow({
      where: { action: "contract.terminated", entityId: contractId },
      select: { data: true },
    })
  ).data;

describe("terminateContract: the ground", () => {
  it.each(TERMINATION_GROUNDS.map((ground) => [ground, isVendorFault(ground)] as const))(
    "%s: stored, audited, told to the vendor; vendor at fault: %s",
    async (ground, atFault) => {
      const { contract, ppk, vendor, kpa, tender } = await makeActiveContract({ sppbj: true });
      const otherKpa = await makeActor("KPA", (await makeAgency()).id);
      await expect(terminateContract(ppk, { contractId: contract.id, ground, reason: REASON })).resolves.toMatchObject({
        ground,
        vendorAtFault: atFault,
      });
      expect(
        await db.contract.findUniqueOrThrow({
          where: { id: contract.id },
          select: { status: true, terminationGround: true, terminationReason: true },
        }),
      ).toEqual({ status: "TERMINATED", terminationGround: ground, terminationReason: REASON });
      // the fixture's performance bond, Rp50.000.000, is claimed only on the vendor's fault
      const bond = atFault ? "Jaminan pelaksanaan sebesar Rp50.000.000 dicairkan." : null;
      expect(await auditData(contract.id)).toMatchObject({
        ground,
        vendorAtFault: atFault,
        bondToClaim: atFault ? "50000000" : null,
        reason: REASON,
      });

      const told = await db.notification.findFirstOrThrow({
        where: { kind: "contract.terminated", userId: vendor.userId },
        select: { body: true },
      });
      expect(told.body).toContain(TERMINATION_GROUND_LABELS[ground]);
      expect(told.body).toContain(REASON);
      if (bond) expect(told.body).toContain(bond);
      else expect(told.body).not.toContain("Jaminan pelaksanaan");

      // only the PA/KPA of the paket's agency, and only when the vendor was at fault
      const due = await db.notification.findMany({
        where: { kind: "contract.blacklistDue" },
        select: { userId: true, link: true, body: true },
      });
      expect(due.map((n) => n.userId)).toEqual(atFault ? [kpa.userId] : []);
      expect(due.some((n) => n.userId === otherKpa.userId)).toBe(false);
      if (atFault) {
        expect(due[0]!.link).toBe("/daftar-hitam/kelola");
        expect(due[0]!.body).toContain(TERMINATION_GROUND_LABELS[ground]);
        expect(due[0]!.body).toContain(bond!);
      }
      // Segel tells; it never enters the sanction itself
      expect(await db.blacklistEntry.count()).toBe(0);

      const release = await db.ocdsRelease.findFirstOrThrow({
        where: { tenderId: tender.id },
        orderBy: { position: "desc" },
        select: { data: true },
      });
      expect(validateRelease(release.data)).toEqual([]);
      expect((release.data as { contracts: { description?: string }[] }).contracts[0]!.description).toBe(
        `Kontrak diputus (${TERMINATION_GROUND_LABELS[ground]}): ${REASON}`,
      );
    },
  );

  it("refuses a missing or unknown ground on its field, in Indonesian and English, and writes nothing", async () => {
    const { contract, ppk } = await makeActiveContract();
    for (const ground of [undefined, "", "WANPRESTASI"]) {
      const input = { contractId: contract.id, ground, reason: REASON } as Parameters<typeof terminateContract>[1];
      await expect(terminateContract(ppk, input)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { ground: ["contractExecution.groundRequired"] },
      });
    }
    expect(await db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { status: true } })).toEqual({
      status: "ACTIVE",
    });
    expect(await db.auditEvent.count({ where: { action: "contract.terminated" } })).toBe(0);
    expect(
      await db.notification.count({ where: { kind: { in: ["contract.terminated", "contract.blacklistDue"] } } }),
    ).toBe(0);
    // the action shows the key in the user's language
    expect(id.contractExecution.groundRequired).toMatch(/dasar pemutusan/);
    expect(en.contractExecution.groundRequired).toMatch(/ground/);
  });
});
