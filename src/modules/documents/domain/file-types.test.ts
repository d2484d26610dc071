import { describe, expect, it } from "vitest";
import { cleanFileName, isAcceptedDocumentType } from "./file-types";

describe("isAcceptedDocumentType", () => {
  it("accepts PDF and office files and refuses executables and unknown content", () => {
    expect(isAcceptedDocumentType("application/pdf")).toBe(true);
    expect(isAcceptedDocumentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe(true);
    expect(isAcceptedDocumentType("application/x-msdownload")).toBe(false);
    expect(isAcceptedDocumentType(undefined)).toBe(false);
  });
});

describe("cleanFileName", () => {
  it("keeps the base name and removes path parts and header-breaking characters", () => {
    expect(cleanFileName("C:\\Users\\ppk\\KAK Bendung.pdf")).toBe("KAK Bendung.pdf");
    expect(cleanFileName('../../etc/pass"wd')).toBe("pass_wd");
    expect(cleanFileName("")).toBe("dokumen");
    expect(cleanFileName(null)).toBe("dokumen");
  });
});
