import { describe, expect, it } from "vitest";
import {
  parseBreakdown,
  recordEvaluationSchema,
  recordPembuktianSchema,
  sendInvitationSchema,
} from "./evaluation.schemas";

const ids = { tenderId: "7f1c9a52-1b7e-4c1e-9d0f-0a1b2c3d4e5f", bidId: "8f1c9a52-1b7e-4c1e-9d0f-0a1b2c3d4e5f" };
const unseen = { seenDecidedAt: "" };

describe("recordEvaluationSchema (form input)", () => {
  it("reads a price decision as typed in the form", () => {
    const parsed = recordEvaluationSchema.parse({
      ...ids,
      ...unseen,
      stage: "HARGA",
      passed: "true",
      reason: "  Harga wajar dan lengkap.  ",
      correctedPrice: "Rp 950.000.000",
      technicalScore: "",
      lifeCycleCost: "",
      breakdown: "10; 1.500.000; 15.000.000\n2; 3.000.000; 5.000.000",
    });
    expect(parsed).toMatchObject({
      passed: true,
      reason: "Harga wajar dan lengkap.",
      correctedPrice: 950_000_000n,
      lifeCycleCost: null,
      technicalScoreUnits: null,
    });
    expect(parsed.breakdown).toHaveLength(2);
    expect(parsed.seenDecidedAt).toBeNull();
  });

  it("reads the decision the form showed, and refuses a form that says nothing about it", () => {
    const base = { ...ids, stage: "ADMINISTRASI", passed: "true", reason: "Dokumen lengkap dan sah." };
    expect(recordEvaluationSchema.parse({ ...base, seenDecidedAt: "2026-12-06T03:04:05.678Z" }).seenDecidedAt).toEqual(
      new Date("2026-12-06T03:04:05.678Z"),
    );
    expect(recordEvaluationSchema.safeParse(base).success).toBe(false);
  });

  it("names every problem with a key of errors.json", () => {
    const result = recordEvaluationSchema.safeParse({
      ...ids,
      ...unseen,
      stage: "TEKNIS",
      reason: "pendek",
      technicalScore: "101",
      correctedPrice: "12,5",
      breakdown: "10 x 2",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      passed: "decisionRequired",
      reason: "evaluationReasonTooShort",
      technicalScore: "scoreInvalid",
      correctedPrice: "rupiahInvalid",
      breakdown: "breakdownInvalid",
    });
  });

  it("refuses the PEMBUKTIAN stage here: it has its own use case", () => {
    expect(
      recordEvaluationSchema.safeParse({
        ...ids,
        ...unseen,
        stage: "PEMBUKTIAN",
        passed: "true",
        reason: "Dokumen asli sesuai.",
      }).success,
    ).toBe(false);
  });

  it("reads a pembuktian decision", () => {
    expect(
      recordPembuktianSchema.parse({ ...ids, passed: "false", reason: "SBU asli tidak ditunjukkan." }).passed,
    ).toBe(false);
  });
});

describe("parseBreakdown", () => {
  it.each([
    ["one line", "3; 1.000; 3.000", [{ quantity: 3n, unitPrice: 1000n, statedTotal: 3000n }]],
    ["blank lines are skipped", "\n3;1000;3000\n\n", [{ quantity: 3n, unitPrice: 1000n, statedTotal: 3000n }]],
    ["two fields", "3; 1000", null],
    ["a negative number", "3; -1000; 3000", null],
  ] as const)("%s", (_n, text, lines) => expect(parseBreakdown(text)).toEqual(lines));
});

describe("sendInvitationSchema (form input)", () => {
  const form = {
    tenderId: ids.tenderId,
    kind: "KLARIFIKASI",
    at: "2026-12-10T09:00:00+09:00",
    place: " Ruang rapat ULP ",
    note: "Dokumen asli.",
  };

  it("reads one checked bidder or several, and the instant the browser sent", () => {
    expect(sendInvitationSchema.parse({ ...form, bidIds: ids.bidId })).toMatchObject({
      bidIds: [ids.bidId],
      place: "Ruang rapat ULP",
      at: new Date("2026-12-10T00:00:00.000Z"),
    });
    expect(sendInvitationSchema.parse({ ...form, bidIds: [ids.bidId, ids.tenderId] }).bidIds).toHaveLength(2);
  });

  it("names every problem with a key of errors.json", () => {
    const result = sendInvitationSchema.safeParse({
      tenderId: ids.tenderId,
      kind: "RAPAT",
      at: "",
      place: " ",
      note: "",
    });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      kind: "invitationKindRequired",
      bidIds: "invitationNoBidder",
      at: "invitationAtInvalid",
      place: "invitationPlaceRequired",
      note: "invitationNoteRequired",
    });
  });
});
