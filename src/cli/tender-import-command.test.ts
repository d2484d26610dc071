import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importReport, parseImportArgs } from "./tender-import-command";

const result = {
  tenderId: "7c0e7f5e-8d1a-4a53-9a44-0f4f3c1c2b10",
  code: "T2026000042",
  manifestSha256: "ab".repeat(32),
  matched: 3,
  invited: 1,
  counts: { Tender: 1, Bid: 2 },
  blacklisted: [],
};
const agency = { name: "Dinas PUPR Kota Uji", code: "PUPR-UJI" };

describe("the tender import's report", () => {
  it("says what was imported, and names each company on the daftar hitam with its decree", () => {
    expect(importReport(result, agency, 812)).toEqual([
      "Tender T2026000042 imported into Dinas PUPR Kota Uji (PUPR-UJI) in 812 ms",
      "  tender id (kept): 7c0e7f5e-8d1a-4a53-9a44-0f4f3c1c2b10",
      `  manifest sha256: ${"ab".repeat(32)}`,
      "  people: 3 matched by e-mail, 1 invited",
      "  rows: Tender 1, Bid 2",
    ]);
    const blacklisted = [
      { vendorId: "v1", vendorName: "CV Uji Hitam", decreeNumber: "SK-DH-7/2026", endsAt: "2027-12-06T00:00:00.000Z" },
    ];
    expect(importReport({ ...result, blacklisted }, agency, 812).slice(5)).toEqual([
      "  on this LPSE's daftar hitam (imported, not refused; tell the Pokja): 1",
      "    CV Uji Hitam: decree SK-DH-7/2026, in force until 2027-12-06T00:00:00.000Z",
    ]);
  });
});

describe("the tender import's arguments", () => {
  const bundle = path.join(mkdtempSync(path.join(os.tmpdir(), "segel-import-args-")), "tender.segel");
  writeFileSync(bundle, "bundle");
  const key = `sha256:${"0".repeat(64)}`;
  const good = ["--in", bundle, "--agency", "PUPR-UJI", "--admin", "admin@uji.go.id", "--source-key", key];

  it("takes the four flags, each once, in either form", () => {
    expect(parseImportArgs(good)).toEqual({
      file: bundle,
      agency: "PUPR-UJI",
      admin: "admin@uji.go.id",
      sourceKey: key,
    });
    expect(parseImportArgs([`--in=${bundle}`, ...good.slice(2)])).toMatchObject({ file: bundle });
  });

  it("says what is wrong with absurd arguments", () => {
    expect(parseImportArgs(good.slice(0, 6))).toEqual({ error: "--source-key is required." });
    expect(parseImportArgs([...good, "--agency", "LAIN"])).toEqual({ error: "--agency was given twice." });
    expect(parseImportArgs(["--in", "--agency", "X"])).toEqual({ error: "--in needs a value." });
    expect(parseImportArgs([...good, "--force"])).toEqual({ error: "Unknown argument: --force" });
    expect(parseImportArgs(["--in", "/nothing/here.segel", ...good.slice(2)])).toEqual({
      error: "--in /nothing/here.segel: no such file.",
    });
    expect(parseImportArgs([...good.slice(0, 6), "--source-key", "sha256:abc"])).toMatchObject({
      error: expect.stringContaining("--source-key must look like"),
    });
  });
});
