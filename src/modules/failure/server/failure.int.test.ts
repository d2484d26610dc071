import { describe, expect, it } from "vitest";
import {
  actorFor,
  makeAgency,
  makeActor,
  makePokjaTender,
  makeUser,
  makeVendor,
  registerParticipant,
} from "@/tests/factories";
import { db } from "@/server/db";
import { declareTenderFailed } from "./declare-tender-failed";
import { decidePenunjukanLangsung } from "./decide-penunjukan-langsung";
import { requestPenunjukanLangsung } from "./request-penunjukan-langsung";
import { retender } from "./retender";

const REASON = "Tidak ada peserta yang lulus evaluasi administrasi dan teknis.";

async function tenderInEvaluation() {
  const made = await makePokjaTender();
  await db.tender.update({
    where: { id: made.tender.id },
    data: {
      status: "EVALUATION",
      publishedAt: new Date(),
      openedAt: new Date(),
      qualification: "SBU BG004",
      evaluationMethod: "HARGA_TERENDAH",
    },
  });
  return made;
}

const statusOf = (id: string) =>
  db.tender.findUniqueOrThrow({
    where: { id },
    select: { status: true, failureKind: true, endReason: true, failedAt: true },
  });

describe("declareTenderFailed", () => {
  it("a Pokja member fails a tender in evaluation, with a public reason, audited and told", async () => {
    const { tender, pokja } = await tenderInEvaluation();
    const bidder = await registerParticipant(tender.id);
    await declareTenderFailed(pokja, { tenderId: tender.id, kind: "NOBODY_PASSES", reason: REASON });
    expect(await statusOf(tender.id)).toMatchObject({
      status: "FAILED",
      failureKind: "NOBODY_PASSES",
      endReason: REASON,
    });
    expect(
      await db.auditEvent.count({ where: { action: "tender.failed", entityId: tender.id, actorId: pokja.userId } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { kind: "tender.failed", userId: bidder.penyedia.userId } })).toBe(1);
  });

  it("refuses the PPK, a short reason, and the wrong state; nothing changes", async () => {
    const { tender, pokja, ppk } = await tenderInEvaluation();
    await expect(
      declareTenderFailed(ppk, { tenderId: tender.id, kind: "OTHER", reason: REASON }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      declareTenderFailed(pokja, { tenderId: tender.id, kind: "OTHER", reason: "terlalu pendek" }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "reasonTooShort" });
    await db.tender.update({ where: { id: tender.id }, data: { status: "PUBLISHED", openedAt: null } });
    await expect(
      declareTenderFailed(pokja, { tenderId: tender.id, kind: "COLLUSION", reason: REASON }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "failWrongState" });
    expect((await statusOf(tender.id)).status).toBe("PUBLISHED");
    // an error in the selection documents may be declared while announced
    await declareTenderFailed(pokja, {
      tenderId: tender.id,
      kind: "DOCUMENT_ERROR",
      reason: "Spesifikasi teknis dalam dokumen pemilihan bertentangan dengan KAK.",
    });
    expect((await statusOf(tender.id)).failureKind).toBe("DOCUMENT_ERROR");
    expect(await db.auditEvent.count({ where: { action: "tender.failed" } })).toBe(1);
  });
});

describe("retender", () => {
  it("creates one linked draft with the set-up copied and no schedule; a second call is refused", async () => {
    const { tender, pokja } = await tenderInEvaluation();
    await expect(retender(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "retenderNotFailed",
    });
    await declareTenderFailed(pokja, {
      tenderId: tender.id,
      kind: "ALL_ABOVE_HPS",
      reason: "Seluruh penawaran harga terkoreksi berada di atas HPS.",
    });
    const [a, b] = await Promise.allSettled([
      retender(pokja, { tenderId: tender.id }),
      retender(pokja, { tenderId: tender.id }),
    ]);
    const created = [a, b].filter((r) => r.status === "fulfilled");
    expect(created).toHaveLength(1);
    expect([a, b].find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT", messageKey: "retenderExists" },
    });
    const draft = await db.tender.findFirstOrThrow({
      where: { previousTenderId: tender.id },
      select: {
        id: true,
        code: true,
        status: true,
        paketId: true,
        pokjaId: true,
        procedureId: true,
        qualification: true,
        evaluationMethod: true,
        _count: { select: { stages: true } },
      },
    });
    expect(draft).toMatchObject({
      status: "DRAFT",
      paketId: tender.paketId,
      pokjaId: tender.pokjaId,
      procedureId: tender.procedureId,
      qualification: "SBU BG004",
      evaluationMethod: "HARGA_TERENDAH",
      _count: { stages: 0 },
    });
    expect(draft.code).not.toBe(tender.code);
    expect(
      await db.auditEvent.count({
        where: {
          action: "tender.retendered",
          entityId: tender.id,
          actorId: pokja.userId,
          data: { path: ["retenderId"], equals: draft.id },
        },
      }),
    ).toBe(1);
  });

  it("refuses a POKJA of the agency outside the tender's Pokja", async () => {
    const { tender, pokja, agency } = await tenderInEvaluation();
    await declareTenderFailed(pokja, { tenderId: tender.id, kind: "OTHER", reason: REASON });
    const outsider = await makeActor("POKJA", agency.id);
    await expect(retender(outsider, { tenderId: tender.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("penunjukan langsung", () => {
  async function failedRetender() {
    const made = await tenderInEvaluation();
    await declareTenderFailed(made.pokja, { tenderId: made.tender.id, kind: "NOBODY_PASSES", reason: REASON });
    const second = await retender(made.pokja, { tenderId: made.tender.id });
    return { ...made, first: made.tender, second };
  }
  const JUSTIFICATION = "Tender dan tender ulang gagal karena tidak ada peserta yang lulus evaluasi.";

  it("only after a failed re-tender; approved by the KPA of the same agency, not another's", async () => {
    const { first, second, ppk, pokja, agency } = await failedRetender();
    // the first tender was not a re-tender; the re-tender has not failed yet
    await expect(
      requestPenunjukanLangsung(ppk, { tenderId: first.id, justification: JUSTIFICATION }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "plNeedsFailedRetender" });
    await expect(
      requestPenunjukanLangsung(ppk, { tenderId: second.id, justification: JUSTIFICATION }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: "plNeedsFailedRetender" });
    await db.tender.update({
      where: { id: second.id },
      data: { status: "EVALUATION", publishedAt: new Date(), openedAt: new Date() },
    });
    await declareTenderFailed(pokja, { tenderId: second.id, kind: "NOBODY_PASSES", reason: REASON });

    const otherPpk = await makeActor("PPK", (await makeAgency()).id);
    await expect(
      requestPenunjukanLangsung(otherPpk, { tenderId: second.id, justification: JUSTIFICATION }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const pending = await makeVendor({ status: "PENDING" });
    await expect(
      requestPenunjukanLangsung(ppk, { tenderId: second.id, justification: JUSTIFICATION, vendorId: pending.id }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "plVendorNotVerified" });
    const kpaUser = await makeUser([{ role: "KPA", agencyId: agency.id }]);
    const vendor = await makeVendor();
    const request = await requestPenunjukanLangsung(ppk, {
      tenderId: second.id,
      justification: JUSTIFICATION,
      vendorId: vendor.id,
    });
    await expect(
      requestPenunjukanLangsung(pokja, { tenderId: second.id, justification: JUSTIFICATION }),
    ).rejects.toMatchObject({ messageKey: "plAlreadyRequested" });
    expect(await db.notification.count({ where: { kind: "penunjukanLangsung.requested", userId: kpaUser.id } })).toBe(
      1,
    );

    const otherKpa = await makeActor("KPA", (await makeAgency()).id);
    const decision = {
      requestId: request.id,
      decision: "APPROVED" as const,
      note: "Disetujui sesuai Pasal 38 ayat (5) Perpres 16/2018.",
    };
    await expect(decidePenunjukanLangsung(otherKpa, decision)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decidePenunjukanLangsung(ppk, decision)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const kpa = actorFor(kpaUser);
    await decidePenunjukanLangsung(kpa, decision);
    await expect(decidePenunjukanLangsung(kpa, { ...decision, decision: "REFUSED" })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "plAlreadyDecided",
    });
    const row = await db.penunjukanLangsung.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({
      decision: "APPROVED",
      approvedById: kpa.userId,
      decisionNote: decision.note,
      vendorId: vendor.id,
      requestedById: ppk.userId,
    });
    expect(row.approvedAt).toBeInstanceOf(Date);
    expect(
      await db.auditEvent.count({
        where: {
          action: { in: ["penunjukanLangsung.requested", "penunjukanLangsung.approved"] },
          entityId: request.id,
        },
      }),
    ).toBe(2);
    expect(await db.notification.count({ where: { kind: "penunjukanLangsung.decided", userId: ppk.userId } })).toBe(1);
  });
});
