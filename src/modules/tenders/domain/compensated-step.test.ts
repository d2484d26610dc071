import { describe, expect, it } from "vitest";
import { compensatedStep } from "./lifecycle-time";

const H = 3_600_000;
const NOW = new Date("2027-01-04T00:00:00.000Z");
const at = (h: number) => new Date(NOW.getTime() + h * H);
// the bid deadline moved by a compensation from -1 h to +24 h
const stages = [
  { kind: "UPLOAD_PENAWARAN" as const, startsAt: at(-48), endsAt: at(24) },
  { kind: "PEMBUKAAN" as const, startsAt: at(24), endsAt: at(27) },
];

describe("compensatedStep", () => {
  it("takes an unopened EVALUATION tender back to PUBLISHED in the reopened upload stage", () => {
    expect(
      compensatedStep(
        { status: "EVALUATION", openedAt: null, nextCheckAt: at(2), currentStage: "PEMBUKAAN" },
        stages,
        NOW,
      ),
    ).toEqual({ ok: true, status: "PUBLISHED", stage: "UPLOAD_PENAWARAN", nextCheckAt: at(24) });
  });

  it("refuses it once a bid was opened", () => {
    expect(
      compensatedStep(
        { status: "EVALUATION", openedAt: at(-0.5), nextCheckAt: at(2), currentStage: "PEMBUKAAN" },
        stages,
        NOW,
      ),
    ).toEqual({ ok: false, key: "tenderAlreadyOpened" });
  });

  it("keeps the status and a boundary already due for the worker to record", () => {
    expect(
      compensatedStep(
        { status: "PUBLISHED", openedAt: null, nextCheckAt: at(-1), currentStage: "UPLOAD_PENAWARAN" },
        stages,
        NOW,
      ),
    ).toEqual({ ok: true, status: "PUBLISHED", stage: "UPLOAD_PENAWARAN", nextCheckAt: at(-1) });
    const sanggah = [
      { kind: "PENGUMUMAN_PEMENANG" as const, startsAt: at(-48), endsAt: at(-24) },
      { kind: "MASA_SANGGAH" as const, startsAt: at(-24), endsAt: at(24) },
    ];
    expect(
      compensatedStep(
        { status: "AWARDED", openedAt: at(-100), nextCheckAt: at(5), currentStage: "MASA_SANGGAH" },
        sanggah,
        NOW,
      ),
    ).toEqual({ ok: true, status: "AWARDED", stage: "MASA_SANGGAH", nextCheckAt: at(24) });
  });

  it("never lets an awarded tender's bid window run again (its bids were opened)", () => {
    expect(
      compensatedStep(
        { status: "AWARDED", openedAt: at(-10), nextCheckAt: at(5), currentStage: "MASA_SANGGAH" },
        stages,
        NOW,
      ),
    ).toEqual({ ok: false, key: "tenderAlreadyOpened" });
  });
});
