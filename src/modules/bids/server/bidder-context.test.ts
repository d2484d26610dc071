import { describe, expect, it, vi } from "vitest";

// loadBidder's seleksi gate reaches the database; these rules are pure and never call it
vi.mock("@/modules/seleksi", () => ({ assertMayBid: async () => {} }));
import { assertBidWindowOpen, sealingKeyFor, type Bidder } from "./bidder-context";

const start = new Date("2026-11-22T01:00:00.000Z");
const end = new Date("2026-11-22T08:00:00.000Z"); // 15.00 WIB
const bidder = (overrides: Partial<Bidder["tender"]> = {}): Bidder => ({
  vendor: { id: "v", npwp: "1" },
  tender: {
    id: "t",
    code: "T1",
    status: "PUBLISHED",
    name: "Paket",
    agencyName: "Kab. Uji",
    timeZone: "Asia/Jakarta",
    ...overrides,
  },
  openingPublicKey: Buffer.alloc(32, 1),
  pricePublicKey: null,
  uploadStage: { kind: "UPLOAD_PENAWARAN", startsAt: start, endsAt: end },
});
const at = (ms: number) => new Date(end.getTime() + ms);

describe("assertBidWindowOpen", () => {
  it("takes a bid 1 ms before the deadline", () => {
    expect(() => assertBidWindowOpen(bidder(), at(-1), "id")).not.toThrow();
  });

  it.each([0, 1])("refuses at deadline + %i ms, naming the deadline in the agency's zone", (ms) => {
    expect(() => assertBidWindowOpen(bidder(), at(ms), "id")).toThrow(
      expect.objectContaining({ messageKey: "bidDeadlinePassed", values: { deadline: "22 Nov 2026 15.00 WIB" } }),
    );
    expect(() => assertBidWindowOpen(bidder({ timeZone: "Asia/Jayapura" }), at(ms), "id")).toThrow(
      expect.objectContaining({ values: { deadline: "22 Nov 2026 17.00 WIT" } }),
    );
  });

  it("refuses before the stage starts and when the tender is not PUBLISHED", () => {
    expect(() => assertBidWindowOpen(bidder(), new Date(start.getTime() - 1), "id")).toThrow(
      expect.objectContaining({ messageKey: "bidUploadNotOpen" }),
    );
    expect(() => assertBidWindowOpen(bidder({ status: "EVALUATION" }), at(-1000), "id")).toThrow(
      expect.objectContaining({ messageKey: "bidTenderNotOpen" }),
    );
  });
});

describe("sealingKeyFor", () => {
  const opening = Buffer.alloc(32, 1);
  const price = Buffer.alloc(32, 2);
  it("seals the price and the HARGA files to the price key only when the tender has one", () => {
    expect(sealingKeyFor({ opening, price }, "PRICE")).toBe(price);
    expect(sealingKeyFor({ opening, price }, "HARGA")).toBe(price);
    expect(sealingKeyFor({ opening, price }, "TEKNIS")).toBe(opening);
    expect(sealingKeyFor({ opening, price }, "QUALIFICATION")).toBe(opening);
    expect(sealingKeyFor({ opening, price: null }, "PRICE")).toBe(opening);
    expect(sealingKeyFor({ opening, price: null }, "HARGA")).toBe(opening);
  });
});
