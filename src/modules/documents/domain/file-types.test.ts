import { describe, expect, it } from "vitest";
import { attachmentDisposition, cleanFileName, isAcceptedDocumentType, nameForType } from "./file-types";

describe("isAcceptedDocumentType", () => {
  it("accepts PDF and office files and refuses executables and unknown content", () => {
    expect(isAcceptedDocumentType("application/pdf")).toBe(true);
    expect(isAcceptedDocumentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")).toBe(
      true,
    );
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

describe("nameForType", () => {
  const PDF = "application/pdf";
  it.each([
    ["laporan.exe", PDF, "laporan.pdf"],
    ["laporan.PDF", PDF, "laporan.PDF"],
    ["laporan", PDF, "laporan.pdf"],
    ["Laporan v1.2 final", PDF, "Laporan v1.2 final.pdf"],
    ["invoice.pdf.exe", PDF, "invoice.pdf.pdf"],
    ["foto.jpeg", "image/jpeg", "foto.jpeg"],
    ["foto.png", "image/jpeg", "foto.jpg"],
    ["rab.xls", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "rab.xlsx"],
    [".pdf", "application/zip", "dokumen.zip"],
    ["", PDF, "dokumen.pdf"],
  ])("%s with %s content is kept as %s", (raw, mime, expected) => {
    expect(nameForType(raw, mime)).toBe(expected);
  });

  it("keeps the name within the stored length", () => {
    expect(nameForType(`${"a".repeat(300)}.exe`, PDF)).toBe(`${"a".repeat(175)}.pdf`);
  });
});

describe("attachmentDisposition", () => {
  it("encodes any name safely, with an ASCII fallback, and the type's extension", () => {
    expect(attachmentDisposition("Laporan 'final' (v2) é.pdf", "application/pdf")).toBe(
      `attachment; filename="Laporan 'final' (v2) ?.pdf"; filename*=UTF-8''Laporan%20%27final%27%20%28v2%29%20%C3%A9.pdf`,
    );
    expect(attachmentDisposition("laporan.exe", "application/pdf")).toBe("attachment; filename=laporan.pdf");
  });
});
