import { describe, expect, it } from "vitest";
import { SUBMIT_GRACE_MS } from "./bid-rules";
import { decideOpeningOutcome, defectsOf, openingRefusal, reconcileFiles, type OpeningState } from "./opening-rules";

const deadline = new Date("2026-03-10T08:00:00.000Z");
const state = (overrides: Partial<OpeningState> = {}): OpeningState => ({
  status: "EVALUATION",
  openedAt: null,
  hasOpeningKey: true,
  deadline,
  submittedBids: 2,
  extensionsLeft: 0,
  ...overrides,
});
const ms = (delta: number) => new Date(deadline.getTime() + delta);

describe("openingRefusal", () => {
  it("refuses before the deadline, then until the bids that arrived in time are recorded, and allows the instant the grace ends", () => {
    const until = ms(SUBMIT_GRACE_MS);
    expect(openingRefusal(state(), ms(-1))).toEqual({ key: "openingBeforeDeadlineAt", deadline });
    expect(openingRefusal(state(), ms(0))).toEqual({ key: "openingBidsSettling", deadline, until });
    expect(openingRefusal(state(), ms(SUBMIT_GRACE_MS - 1))).toEqual({ key: "openingBidsSettling", deadline, until });
    expect(openingRefusal(state(), until)).toBeNull();
  });

  it.each([
    [{ status: "PUBLISHED" as const }, null],
    [{ status: "DRAFT" as const }, "openingTenderNotOpenable"],
    [{ status: "FAILED" as const }, "openingTenderNotOpenable"],
    [{ status: "CANCELLED" as const }, "openingTenderNotOpenable"],
    [{ openedAt: ms(10) }, "openingAlreadyDone"],
    [{ hasOpeningKey: false }, "openingKeyNotReady"],
    [{ deadline: null }, "openingBeforeDeadlineAt"],
    [{ status: "PUBLISHED" as const, submittedBids: 0, extensionsLeft: 1 }, "openingAwaitsExtension"],
    [{ status: "PUBLISHED" as const, submittedBids: 0, extensionsLeft: 0 }, null],
    [{ status: "PUBLISHED" as const, submittedBids: 1, extensionsLeft: 1 }, null],
  ])("%o gives %s", (overrides, key) => {
    expect(openingRefusal(state(overrides), ms(SUBMIT_GRACE_MS + 60_000))?.key ?? null).toBe(key);
  });
});

describe("decideOpeningOutcome", () => {
  it.each([
    [0, 1, "NO_BIDS"],
    [0, 2, "NO_BIDS"],
    [1, 2, "TOO_FEW_BIDS"],
    [2, 2, null],
    [1, 1, null],
    [2, 1, null],
  ])("%i bids with a minimum of %i: %s", (count, min, kind) => {
    const outcome = decideOpeningOutcome(count, min, "Tender Cepat");
    expect(outcome.failed ? outcome.kind : null).toBe(kind);
  });

  it("gives a public reason in Indonesian naming the numbers", () => {
    const outcome = decideOpeningOutcome(1, 2, "Tender Cepat");
    expect(outcome.failed && outcome.endReason).toBe(
      "Tender gagal: jumlah penawaran yang masuk (1) kurang dari jumlah minimal 2 penawaran untuk Tender Cepat.",
    );
  });
});

describe("reconcileFiles", () => {
  const receipt = [
    { part: "HARGA", commitment: "a".repeat(64) },
    { part: "TEKNIS", commitment: "b".repeat(64) },
  ];
  const opened = (commitment: string) => ({ commitment, fileName: "berkas.pdf", sizeBytes: 10, salt: "5".repeat(64) });
  const file = (id: string, part: string, commitment: string, decrypted: string | null) => ({
    id,
    part,
    commitment,
    opened: decrypted === null ? null : opened(decrypted),
  });

  it("passes files that decrypt to the commitment on the receipt, revealing name, size and salt", () => {
    const result = reconcileFiles(
      [file("1", "HARGA", "a".repeat(64), "a".repeat(64)), file("2", "TEKNIS", "b".repeat(64), "b".repeat(64))],
      receipt,
    );
    expect(result.map((r) => r.status)).toEqual(["OK", "OK"]);
    expect(result[0]).toMatchObject({ fileName: "berkas.pdf", sizeBytes: 10, salt: "5".repeat(64) });
  });

  it("names a file that does not decrypt, one whose commitment differs, and a receipt line with no file", () => {
    const result = reconcileFiles([file("1", "HARGA", "a".repeat(64), null)], receipt);
    expect(result).toEqual([
      {
        fileId: "1",
        part: "HARGA",
        commitment: "a".repeat(64),
        fileName: null,
        sizeBytes: null,
        salt: null,
        status: "UNOPENABLE",
      },
      {
        fileId: null,
        part: "TEKNIS",
        commitment: "b".repeat(64),
        fileName: null,
        sizeBytes: null,
        salt: null,
        status: "MISSING",
      },
    ]);
    expect(
      reconcileFiles(
        [file("1", "HARGA", "a".repeat(64), "c".repeat(64)), file("2", "TEKNIS", "b".repeat(64), "b".repeat(64))],
        receipt,
      ).map((r) => r.status),
    ).toEqual(["HASH_MISMATCH", "OK"]);
  });

  it("catches a row whose recorded commitment was changed to match a changed file", () => {
    const result = reconcileFiles(
      [file("1", "HARGA", "c".repeat(64), "c".repeat(64)), file("2", "TEKNIS", "b".repeat(64), "b".repeat(64))],
      receipt,
    );
    expect(result.map((r) => r.status)).toEqual(["HASH_MISMATCH", "OK"]);
  });
});

describe("defectsOf", () => {
  const ok = {
    fileId: "f1",
    part: "HARGA",
    commitment: "a".repeat(64),
    fileName: "harga.pdf",
    sizeBytes: 10,
    salt: "5".repeat(64),
    status: "OK" as const,
  };

  it("finds nothing in a sound bid, nor in one left sealed by a failed tender", () => {
    expect(defectsOf({ receiptValid: true, priceStatus: "OK", files: [ok] })).toEqual([]);
    expect(
      defectsOf({ receiptValid: true, priceStatus: "NOT_OPENED", files: [{ ...ok, status: "NOT_OPENED" }] }),
    ).toEqual([]);
  });

  it("names the receipt, the price and each file, a file defect with its part", () => {
    const files = [
      { ...ok, status: "UNOPENABLE" as const },
      { ...ok, fileId: null, part: "TEKNIS", status: "MISSING" as const },
      { ...ok, fileId: "f3", status: "HASH_MISMATCH" as const },
    ];
    expect(defectsOf({ receiptValid: false, priceStatus: "ABOVE_CEILING", files })).toEqual([
      { code: "RECEIPT_INVALID", bidFileId: null, part: null },
      { code: "PRICE_ABOVE_CEILING", bidFileId: null, part: null },
      { code: "FILE_UNOPENABLE", bidFileId: "f1", part: "HARGA" },
      { code: "FILE_MISSING", bidFileId: null, part: "TEKNIS" },
      { code: "FILE_COMMITMENT_MISMATCH", bidFileId: "f3", part: "HARGA" },
    ]);
    expect(defectsOf({ receiptValid: true, priceStatus: "MALFORMED", files: [] })).toEqual([
      { code: "PRICE_MALFORMED", bidFileId: null, part: null },
    ]);
  });
});
