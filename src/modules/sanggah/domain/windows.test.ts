import { describe, expect, it } from "vitest";
import { sppbjBlockers, type SanggahRecord } from "./closing";
import { checkBandingFiling, checkSanggahFiling, isSanggahAnswerLate } from "./filing-rules";
import {
  answerDeadline,
  bandingAnswerDeadline,
  bandingBond,
  bandingWindow,
  DAY_MS,
  filingWindow,
  withStageEnds,
  type SanggahRules,
} from "./windows";

const GOODS: SanggahRules = {
  sanggahDays: 5,
  sanggahAnswerDays: 3,
  hasSanggahBanding: false,
  bandingDays: 5,
  bandingAnswerDays: 14,
};
const WORKS: SanggahRules = { ...GOODS, hasSanggahBanding: true };
const announcedAt = new Date("2026-03-02T03:00:00.000Z"); // 10.00 WIB
const at = (ms: number) => new Date(announcedAt.getTime() + ms);

const sanggah = (over: Partial<SanggahRecord> = {}): SanggahRecord => ({
  id: "s1",
  kind: "SANGGAH",
  vendorId: "v1",
  appealOfId: null,
  filedAt: at(DAY_MS),
  answeredAt: null,
  decision: null,
  ...over,
});

describe("sanggah windows", () => {
  it("filing is open from the announcement instant up to, not including, 5 x 24 h later", () => {
    expect(filingWindow(announcedAt, GOODS).end).toEqual(new Date("2026-03-07T03:00:00.000Z"));
    expect(checkSanggahFiling(announcedAt, GOODS, at(-1)).ok).toBe(false);
    expect(checkSanggahFiling(announcedAt, GOODS, at(0)).ok).toBe(true);
    expect(checkSanggahFiling(announcedAt, GOODS, at(5 * DAY_MS - 1)).ok).toBe(true);
    expect(checkSanggahFiling(announcedAt, GOODS, at(5 * DAY_MS))).toMatchObject({
      ok: false,
      key: "sanggahWindowClosed",
    });
    expect(checkSanggahFiling(null, GOODS, at(0))).toMatchObject({ ok: false, key: "winnerNotAnnounced" });
  });

  it("the Pokja answers within 3 days after the window; later is late", () => {
    expect(answerDeadline(announcedAt, GOODS)).toEqual(at(8 * DAY_MS));
    expect(isSanggahAnswerLate(announcedAt, GOODS, at(8 * DAY_MS - 1))).toBe(false);
    expect(isSanggahAnswerLate(announcedAt, GOODS, at(8 * DAY_MS))).toBe(true);
  });

  it("banding exists only for construction; from the answer until 5 days after the answer deadline", () => {
    const answeredAt = at(6 * DAY_MS);
    expect(bandingWindow(answeredAt, announcedAt, GOODS)).toBeNull();
    // answered on time (day 6, deadline day 8): the window ends day 8 + 5 = day 13, as the public schedule shows
    expect(bandingWindow(answeredAt, announcedAt, WORKS)).toEqual({ start: answeredAt, end: at(13 * DAY_MS) });
    // answered late (day 9): still 5 full days from the answer
    expect(bandingWindow(at(9 * DAY_MS), announcedAt, WORKS)).toEqual({ start: at(9 * DAY_MS), end: at(14 * DAY_MS) });
    const rejected = { answeredAt, decision: "REJECTED" as const, hasBanding: false };
    expect(checkBandingFiling(rejected, announcedAt, GOODS, at(7 * DAY_MS))).toMatchObject({
      ok: false,
      key: "bandingConstructionOnly",
    });
    expect(checkBandingFiling(rejected, announcedAt, WORKS, at(6 * DAY_MS)).ok).toBe(true);
    expect(checkBandingFiling(rejected, announcedAt, WORKS, at(13 * DAY_MS - 1)).ok).toBe(true);
    expect(checkBandingFiling(rejected, announcedAt, WORKS, at(13 * DAY_MS))).toMatchObject({
      ok: false,
      key: "bandingWindowClosed",
    });
    expect(
      checkBandingFiling({ ...rejected, decision: "ACCEPTED" as const }, announcedAt, WORKS, at(7 * DAY_MS)),
    ).toMatchObject({ key: "bandingOfAcceptedSanggah" });
    expect(checkBandingFiling({ ...rejected, answeredAt: null }, announcedAt, WORKS, at(7 * DAY_MS))).toMatchObject({
      key: "bandingBeforeAnswer",
    });
    expect(checkBandingFiling({ ...rejected, hasBanding: true }, announcedAt, WORKS, at(7 * DAY_MS))).toMatchObject({
      key: "bandingAlreadyFiled",
    });
    expect(bandingAnswerDeadline(at(7 * DAY_MS), WORKS)).toEqual(at(21 * DAY_MS));
  });

  it("the bond is 1% of HPS rounded up to the whole rupiah, exact beyond 2^53", () => {
    expect(bandingBond(480_000_000n)).toBe(4_800_000n);
    expect(bandingBond(100n)).toBe(1n);
    expect(bandingBond(101n)).toBe(2n);
    expect(bandingBond(199n)).toBe(2n);
    expect(bandingBond(90_071_992_547_409_930n)).toBe(900_719_925_474_100n);
    expect(bandingBond(0n)).toBe(0n);
  });
});

describe("sppbjBlockers", () => {
  const keys = (rules: SanggahRules, records: SanggahRecord[], now: Date) =>
    sppbjBlockers(announcedAt, rules, records, now).map((b) => b.key);

  it("no sanggah: closed exactly at the end of the masa sanggah, not 1 ms before", () => {
    expect(keys(GOODS, [], at(5 * DAY_MS - 1))).toEqual(["sanggahFilingOpen"]);
    expect(keys(GOODS, [], at(5 * DAY_MS))).toEqual([]);
    expect(keys(WORKS, [], at(5 * DAY_MS))).toEqual([]);
    expect(sppbjBlockers(null, GOODS, [], at(0)).map((b) => b.key)).toEqual(["notAnnounced"]);
  });

  it("an unanswered sanggah blocks even after its answer deadline", () => {
    expect(keys(GOODS, [sanggah()], at(30 * DAY_MS))).toEqual(["sanggahUnanswered"]);
  });

  it("an accepted sanggah blocks; one filed before a new announcement does not", () => {
    const accepted = sanggah({ answeredAt: at(6 * DAY_MS), decision: "ACCEPTED" as const });
    expect(keys(GOODS, [accepted], at(9 * DAY_MS))).toEqual(["sanggahAccepted"]);
    expect(sppbjBlockers(at(10 * DAY_MS), GOODS, [accepted], at(15 * DAY_MS))).toEqual([]);
  });

  it("construction: the banding window of a rejected sanggah, then its answer, must pass", () => {
    const rejected = sanggah({ answeredAt: at(6 * DAY_MS), decision: "REJECTED" as const });
    expect(keys(GOODS, [rejected], at(6 * DAY_MS))).toEqual([]);
    expect(keys(WORKS, [rejected], at(13 * DAY_MS - 1))).toEqual(["bandingOpen"]);
    expect(keys(WORKS, [rejected], at(13 * DAY_MS))).toEqual([]);
    const banding = sanggah({ id: "b1", kind: "SANGGAH_BANDING", appealOfId: "s1", filedAt: at(7 * DAY_MS) });
    expect(keys(WORKS, [rejected, banding], at(8 * DAY_MS))).toEqual(["bandingUnanswered"]);
    expect(
      keys(
        WORKS,
        [rejected, { ...banding, answeredAt: at(9 * DAY_MS), decision: "REJECTED" as const }],
        at(9 * DAY_MS),
      ),
    ).toEqual([]);
    expect(
      keys(
        WORKS,
        [rejected, { ...banding, answeredAt: at(9 * DAY_MS), decision: "ACCEPTED" as const }],
        at(9 * DAY_MS),
      ),
    ).toEqual(["bandingAccepted"]);
  });
});

describe("sanggah windows honour a stage moved later (a compensation, issue 13)", () => {
  const HOUR = 3_600_000;
  const extended = (stageEnd: number, over: Partial<SanggahRules> = {}): SanggahRules => ({
    ...GOODS,
    ...over,
    sanggahStageEndsAt: at(stageEnd),
  });

  it("closes the filing window at the extended MASA_SANGGAH end, not a millisecond earlier", () => {
    const rules = extended(5 * DAY_MS + 3 * HOUR);
    expect(filingWindow(announcedAt, rules).end).toEqual(at(5 * DAY_MS + 3 * HOUR));
    expect(checkSanggahFiling(announcedAt, rules, at(5 * DAY_MS + 3 * HOUR - 1)).ok).toBe(true);
    expect(checkSanggahFiling(announcedAt, rules, at(5 * DAY_MS + 3 * HOUR)).ok).toBe(false);
    // without the stage the old end stands
    expect(checkSanggahFiling(announcedAt, GOODS, at(5 * DAY_MS)).ok).toBe(false);
  });

  it("moves the Pokja's answer deadline with the filing window", () => {
    expect(answerDeadline(announcedAt, extended(5 * DAY_MS + 3 * HOUR))).toEqual(at(8 * DAY_MS + 3 * HOUR));
    expect(isSanggahAnswerLate(announcedAt, extended(5 * DAY_MS + 3 * HOUR), at(8 * DAY_MS + 3 * HOUR - 1))).toBe(
      false,
    );
  });

  it("never closes earlier than the days give, whatever the stage says", () => {
    expect(filingWindow(announcedAt, extended(4 * DAY_MS)).end).toEqual(at(5 * DAY_MS));
    expect(filingWindow(announcedAt, { ...GOODS, sanggahStageEndsAt: null }).end).toEqual(at(5 * DAY_MS));
  });

  it("closes a banding window at the extended SANGGAH_BANDING end", () => {
    const answeredAt = at(6 * DAY_MS);
    const plain = bandingWindow(answeredAt, announcedAt, WORKS)!;
    expect(plain.end).toEqual(at(13 * DAY_MS)); // 5 days after the answer deadline (day 8)
    const rules = { ...WORKS, bandingStageEndsAt: at(13 * DAY_MS + HOUR) };
    expect(bandingWindow(answeredAt, announcedAt, rules)!.end).toEqual(at(13 * DAY_MS + HOUR));
    expect(bandingWindow(answeredAt, announcedAt, { ...WORKS, bandingStageEndsAt: at(DAY_MS) })!.end).toEqual(
      at(13 * DAY_MS),
    );
  });

  it("reads the two stage ends from a schedule", () => {
    const rules = withStageEnds(GOODS, [
      { kind: "EVALUASI", endsAt: at(1) },
      { kind: "MASA_SANGGAH", endsAt: at(2) },
      { kind: "SANGGAH_BANDING", endsAt: at(3) },
    ]);
    expect(rules).toMatchObject({ sanggahStageEndsAt: at(2), bandingStageEndsAt: at(3), sanggahDays: 5 });
    expect(withStageEnds(GOODS, [])).toMatchObject({ sanggahStageEndsAt: null, bandingStageEndsAt: null });
  });
});
