import { describe, expect, it } from "vitest";
import { checkApplyWindow, checkDecisionWindow, checkSanggahWindow, mayReadForms, stagePosition } from "./windows";

const t = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
const STAGES = [
  { kind: "PRAKUALIFIKASI" as const, startsAt: t(10), endsAt: t(20) },
  { kind: "PENGUMUMAN_HASIL_PRAKUALIFIKASI" as const, startsAt: t(20), endsAt: t(22) },
  { kind: "SANGGAH_PRAKUALIFIKASI" as const, startsAt: t(22), endsAt: t(30) },
  { kind: "UNDANGAN" as const, startsAt: t(30), endsAt: t(32) },
];

describe("seleksi windows", () => {
  it("places now against a stage: the start is inside, the end is after", () => {
    expect(stagePosition(STAGES, "PRAKUALIFIKASI", t(9))).toBe("before");
    expect(stagePosition(STAGES, "PRAKUALIFIKASI", t(10))).toBe("open");
    expect(stagePosition(STAGES, "PRAKUALIFIKASI", new Date(t(20).getTime() - 1))).toBe("open");
    expect(stagePosition(STAGES, "PRAKUALIFIKASI", t(20))).toBe("after");
    expect(stagePosition(STAGES, "EVALUASI", t(20))).toBe("missing");
  });

  it("applications only inside PRAKUALIFIKASI", () => {
    expect(checkApplyWindow(STAGES, t(9))).toBe("prequalificationNotOpen");
    expect(checkApplyWindow(STAGES, t(10))).toBeNull();
    expect(checkApplyWindow(STAGES, t(20))).toBe("prequalificationClosed");
    expect(checkApplyWindow([], t(10))).toBe("prequalificationNotOpen");
  });

  it("forms are read only after PRAKUALIFIKASI ended", () => {
    expect(mayReadForms(STAGES, new Date(t(20).getTime() - 1))).toBe(false);
    expect(mayReadForms(STAGES, t(20))).toBe(true);
  });

  it("decisions after PRAKUALIFIKASI, before the invitation, once per announcement", () => {
    expect(checkDecisionWindow(STAGES, null, t(15))).toBe("prequalificationStillOpen");
    expect(checkDecisionWindow(STAGES, null, t(20))).toBeNull();
    expect(checkDecisionWindow(STAGES, null, new Date(t(30).getTime() - 1))).toBeNull();
    expect(checkDecisionWindow(STAGES, null, t(30))).toBe("prequalificationDecisionsClosed");
    expect(checkDecisionWindow(STAGES, t(21), t(21))).toBe("shortlistAlreadyAnnounced");
  });

  it("a sanggah prakualifikasi only after the announcement, inside its stage", () => {
    expect(checkSanggahWindow(STAGES, null, t(25))).toBe("shortlistNotAnnounced");
    expect(checkSanggahWindow(STAGES, t(20), t(21))).toBe("sanggahPrakualifikasiNotOpen");
    expect(checkSanggahWindow(STAGES, t(20), t(22))).toBeNull();
    expect(checkSanggahWindow(STAGES, t(20), t(30))).toBe("sanggahPrakualifikasiClosed");
  });
});
