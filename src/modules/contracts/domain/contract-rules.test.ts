import { describe, expect, it } from "vitest";
import {
  CONTRACT_PERIOD_LIMITS,
  contractNumber,
  contractStep,
  periodIssue,
  spmkNumber,
  stepRefusal,
} from "./contract-rules";

describe("contractStep", () => {
  const draft = { status: "DRAFT" as const, vendorSigned: false };
  const review = { status: "VENDOR_REVIEW" as const, vendorSigned: false };
  const vendorSigned = { status: "VENDOR_REVIEW" as const, vendorSigned: true };
  const signed = { status: "SIGNED" as const, vendorSigned: true };

  it("walks DRAFT -> VENDOR_REVIEW -> (DRAFT | vendor signs) -> SIGNED -> ACTIVE", () => {
    expect(contractStep(draft, "edit")).toBe("DRAFT");
    expect(contractStep(draft, "send")).toBe("VENDOR_REVIEW");
    expect(contractStep(review, "requestChange")).toBe("DRAFT");
    expect(contractStep(review, "vendorSign")).toBe("VENDOR_REVIEW");
    expect(contractStep(vendorSigned, "ppkSign")).toBe("SIGNED");
    expect(contractStep(signed, "issueSpmk")).toBe("ACTIVE");
  });

  it("refuses every step out of order", () => {
    expect(contractStep(draft, "vendorSign")).toBeNull();
    expect(contractStep(draft, "ppkSign")).toBeNull();
    expect(contractStep(review, "ppkSign")).toBeNull();
    expect(contractStep(review, "edit")).toBeNull();
    expect(contractStep(vendorSigned, "requestChange")).toBeNull();
    expect(contractStep(vendorSigned, "vendorSign")).toBeNull();
    expect(contractStep(vendorSigned, "issueSpmk")).toBeNull();
    expect(contractStep(signed, "issueSpmk")).toBe("ACTIVE");
    for (const status of ["ACTIVE", "COMPLETED", "TERMINATED"] as const)
      for (const step of ["edit", "send", "requestChange", "vendorSign", "ppkSign", "issueSpmk"] as const)
        expect(contractStep({ status, vendorSigned: true }, step)).toBeNull();
  });

  it("says why", () => {
    expect(stepRefusal(review, "ppkSign")).toBe("contract.vendorNotSigned");
    expect(stepRefusal(vendorSigned, "vendorSign")).toBe("contract.alreadySigned");
    expect(stepRefusal(draft, "issueSpmk")).toBe("contract.notSigned");
    expect(stepRefusal(review, "edit")).toBe("contract.notDraft");
    expect(stepRefusal(draft, "vendorSign")).toBe("contract.notInReview");
  });
});

describe("periodIssue", () => {
  it("ends after it begins, not before the SPPBJ, within the longest period", () => {
    expect(periodIssue("2026-12-10", "2026-12-11", "2026-12-10")).toBeNull();
    expect(periodIssue("2026-12-10", "2026-12-10", "2026-12-01")).toBe("periodEndBeforeStart");
    expect(periodIssue("2026-12-10", "2026-12-09", "2026-12-01")).toBe("periodEndBeforeStart");
    expect(periodIssue("2026-12-09", "2026-12-20", "2026-12-10")).toBe("periodBeforeSppbj");
    const end = new Date(Date.parse("2026-01-01T00:00:00Z") + CONTRACT_PERIOD_LIMITS.maxDays * 86_400_000);
    const day = end.toISOString().slice(0, 10);
    expect(periodIssue("2026-01-01", day, "2026-01-01")).toBeNull();
    const dayAfter = new Date(end.getTime() + 86_400_000).toISOString().slice(0, 10);
    expect(periodIssue("2026-01-01", dayAfter, "2026-01-01")).toBe("periodTooLong");
  });
});

describe("numbers", () => {
  it("come from the tender's code", () => {
    const n = contractNumber("T-1", "KAB", "2026");
    expect(n).toBe("KONTRAK/T-1/KAB/2026");
    expect(spmkNumber(n)).toBe("SPMK/T-1/KAB/2026");
  });
});
