import { describe, expect, it } from "vitest";
import { makeActor } from "@/tests/factories";
import { makeApplication, makeSeleksiTender } from "@/tests/factories/seleksi";
import { db } from "@/server/db";
import { assertMayBid } from "./assert-may-bid";
import { concludePrequalification } from "./conclude-prequalification";
import { decidePrequalification } from "./decide-prequalification";

const REASON = "Memenuhi seluruh persyaratan kualifikasi.";
const PUBLIC_REASON = "Peserta yang lulus prakualifikasi kurang dari tiga.";
const AFTER_PRAK = -30;

/** A seleksi after its PRAKUALIFIKASI stage with `scores.length` applications, decided as given (null: undecided). */
async function seleksiWith(scores: (number | null)[], options: { round?: number; shiftHours?: number } = {}) {
  const made = await makeSeleksiTender({ shiftHours: options.shiftHours ?? AFTER_PRAK });
  if (options.round && options.round > 1)
    await db.$executeRaw`UPDATE "Tender" SET "prequalificationRound" = ${options.round} WHERE id = ${made.tender.id}::uuid`;
  const apps = [];
  for (const score of scores) {
    const decision = score === null ? undefined : { passed: score >= 60, score, decidedById: made.pokja.userId };
    apps.push(await makeApplication(made.tender.id, { round: options.round ?? 1, decision }));
  }
  return { ...made, apps };
}

const tenderState = (id: string) =>
  db.tender.findUniqueOrThrow({
    where: { id },
    select: { status: true, prequalificationRound: true, shortlistAnnouncedAt: true, failureKind: true },
  });

describe("decidePrequalification", () => {
  it("records the decision, its score and reason by the database clock, with its audit event", async () => {
    const { apps, pokja } = await seleksiWith([null]);
    const id = apps[0]!.application.id;
    await decidePrequalification(pokja, { applicationId: id, passed: "true", score: "82.5", reason: REASON });
    const row = await db.prequalificationApplication.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ passed: true, reason: REASON, decidedById: pokja.userId });
    expect(Number(row.score)).toBe(82.5);
    expect(await db.auditEvent.count({ where: { action: "prequalification.decided", entityId: id } })).toBe(1);
  });

  it("refuses the wrong role, a member of another Pokja, and absurd scores, writing nothing", async () => {
    const { apps, outsider, agency, pokja } = await seleksiWith([null]);
    const applicationId = apps[0]!.application.id;
    const input = { applicationId, passed: true, score: 80, reason: REASON };
    await expect(decidePrequalification(outsider, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ppk = await makeActor("PPK", agency.id);
    await expect(decidePrequalification(ppk, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(decidePrequalification(apps[0]!.penyedia, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const score of [-1, 100.5, "NaN", "1e400", 12.3456])
      await expect(decidePrequalification(pokja, { ...input, score })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(decidePrequalification(pokja, { ...input, reason: "ok" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const row = await db.prequalificationApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(row.passed).toBeNull();
  });

  it("refuses while PRAKUALIFIKASI runs (no form is judged while others may still send theirs) and after the invitation began", async () => {
    for (const [shiftHours, key] of [
      [0, "seleksi.prequalificationStillOpen"],
      [-100, "seleksi.prequalificationDecisionsClosed"],
    ] as const) {
      const { apps, pokja } = await seleksiWith([null], { shiftHours });
      await expect(
        decidePrequalification(pokja, {
          applicationId: apps[0]!.application.id,
          passed: true,
          score: 80,
          reason: REASON,
        }),
      ).rejects.toMatchObject({ code: "INVALID_STATE", messageKey: key });
    }
  });

  it("refuses an application of an earlier round", async () => {
    const { tender, pokja } = await seleksiWith([]);
    const old = await makeApplication(tender.id, { round: 1 });
    await db.$executeRaw`UPDATE "Tender" SET "prequalificationRound" = 2 WHERE id = ${tender.id}::uuid`;
    await expect(
      decidePrequalification(pokja, { applicationId: old.application.id, passed: true, score: 80, reason: REASON }),
    ).rejects.toMatchObject({ messageKey: "seleksi.applicationNotInRound" });
  });
});

describe("concludePrequalification", () => {
  it("announces a shortlist of at most shortlistMax, ranked by score, and tells every applicant", async () => {
    const scores = [61, 95, 70, 88, 64, 90, 77, 60, 40];
    const { tender, apps, pokja } = await seleksiWith(scores);
    const result = await concludePrequalification(pokja, { tenderId: tender.id });
    expect(result.outcome).toBe("shortlist");
    const byScore = (s: number) => apps[scores.indexOf(s)]!.application.id;
    expect(result.shortlist).toEqual([95, 90, 88, 77, 70, 64, 61].map(byScore));
    const listed = await db.prequalificationApplication.findMany({ where: { tenderId: tender.id, shortlisted: true } });
    expect(listed).toHaveLength(7);
    expect((await tenderState(tender.id)).shortlistAnnouncedAt).not.toBeNull();
    const told = await db.notification.findMany({ where: { kind: "seleksi.shortlistAnnounced" } });
    expect(told.filter((n) => apps.some((a) => a.penyedia.userId === n.userId))).toHaveLength(9);
    // the gate: a shortlisted firm may bid, one that passed below the list's end may not
    await expect(assertMayBid(db, tender.id, apps[0]!.vendor.id)).resolves.toBeUndefined();
    await expect(assertMayBid(db, tender.id, apps[7]!.vendor.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "seleksi.notShortlisted",
    });
    // once a round
    await expect(concludePrequalification(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      messageKey: "seleksi.shortlistAlreadyAnnounced",
    });
  });

  it("refuses while any application is undecided, and a member of another Pokja", async () => {
    const { tender, pokja, outsider } = await seleksiWith([80, 80, null, 80]);
    await expect(concludePrequalification(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      messageKey: "seleksi.undecided",
      values: { count: 1 },
    });
    await expect(concludePrequalification(outsider, { tenderId: tender.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await tenderState(tender.id)).shortlistAnnouncedAt).toBeNull();
  });

  it("repeats with too few in round 1: needs a public reason, moves the stages, round 2", async () => {
    const { tender, pokja } = await seleksiWith([80, 80, 10]);
    await expect(concludePrequalification(pokja, { tenderId: tender.id })).rejects.toMatchObject({
      messageKey: "seleksi.reasonRequired",
    });
    const result = await concludePrequalification(pokja, { tenderId: tender.id, reason: PUBLIC_REASON });
    expect(result.outcome).toBe("repeat");
    expect(await tenderState(tender.id)).toMatchObject({ status: "PUBLISHED", prequalificationRound: 2 });
    const prak = await db.tenderStage.findFirstOrThrow({ where: { tenderId: tender.id, kind: "PRAKUALIFIKASI" } });
    const [{ now }] = await db.$queryRaw<[{ now: Date }]>`SELECT now() AS now`;
    expect(prak.startsAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(prak.endsAt.getTime()).toBeGreaterThan(now.getTime());
    expect(await db.scheduleChange.count({ where: { tenderId: tender.id, reason: PUBLIC_REASON } })).toBe(7);
    // nobody of round 1 may bid
    await expect(
      assertMayBid(
        db,
        tender.id,
        (await db.prequalificationApplication.findFirstOrThrow({ where: { tenderId: tender.id } })).vendorId,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it.each([
    [[80, 80], "continueReduced", "PUBLISHED", null],
    [[80, 10], "failedOneLeft", "FAILED", "PREQUALIFICATION_FAILED"],
    [[10], "failed", "FAILED", "PREQUALIFICATION_FAILED"],
    [[], "failed", "FAILED", "PREQUALIFICATION_FAILED"],
  ] as const)("after the repeat, %j passing scores: %s", async (scores, outcome, status, failureKind) => {
    const { tender, pokja } = await seleksiWith([...scores], { round: 2 });
    const result = await concludePrequalification(pokja, { tenderId: tender.id, reason: PUBLIC_REASON });
    expect(result.outcome).toBe(outcome);
    expect(await tenderState(tender.id)).toMatchObject({ status, failureKind, prequalificationRound: 2 });
  });
});

describe("assertMayBid", () => {
  it("lets any firm through on a procedure without prakualifikasi, and none on a seleksi before the announcement", async () => {
    const { tender, apps } = await seleksiWith([80]);
    await expect(assertMayBid(db, tender.id, apps[0]!.vendor.id)).rejects.toMatchObject({
      messageKey: "seleksi.shortlistNotAnnounced",
    });
    const procedure = await db.procedureConfig.findFirstOrThrow({ where: { hasPrakualifikasi: false } });
    await db.tender.update({ where: { id: tender.id }, data: { procedureId: procedure.id } });
    await expect(assertMayBid(db, tender.id, apps[0]!.vendor.id)).resolves.toBeUndefined();
  });
});
