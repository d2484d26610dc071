import { describe, expect, it } from "vitest";
import { ocdsChecks, validateRecordPackage, validateRelease, validateReleasePackage } from "../setup/ocds-validator";

const release = {
  ocid: "ocds-segel1-T0001",
  id: "ocds-segel1-T0001-1",
  date: "2026-12-01T03:00:00Z",
  tag: ["tender"],
  initiationType: "tender",
  language: "id",
  parties: [{ id: "agency-1", name: "Dinas PU", roles: ["buyer"] }],
  buyer: { id: "agency-1", name: "Dinas PU" },
  tender: {
    id: "T0001",
    title: "Jalan",
    status: "active",
    procurementMethod: "open",
    procurementMethodDetails: "Tender",
    value: { amount: 1000000, currency: "IDR" },
    documents: [{ id: "d1", documentType: "biddingDocuments", url: "https://x.test/d/1", hash: "ab" }],
  },
};
const releasePackage = {
  uri: "https://x.test/ocds/ocds-segel1-T0001",
  version: "1.1",
  publishedDate: "2026-12-01T03:00:00Z",
  publisher: { name: "LPSE" },
  releases: [release],
};

describe("the OCDS validator", () => {
  it("accepts a valid release, release package and record package", () => {
    expect(validateRelease(release)).toEqual([]);
    expect(validateReleasePackage(releasePackage)).toEqual([]);
    const recordPackage = {
      uri: "https://x.test/r",
      version: "1.1",
      publishedDate: "2026-12-01T03:00:00Z",
      publisher: { name: "LPSE" },
      records: [{ ocid: release.ocid, releases: [release], compiledRelease: release }],
    };
    expect(validateRecordPackage(recordPackage)).toEqual([]);
    expect(ocdsChecks(recordPackage, "ocds-segel1")).toEqual([]);
  });

  it("names what the schema refuses", () => {
    expect(validateRelease({ ...release, tag: ["winner"] }).join()).toMatch(/\/tag\/0/);
    expect(validateRelease({ ...release, date: "yesterday" }).join()).toMatch(/\/date must match format/);
    expect(
      validateRelease({ ...release, tender: { ...release.tender, value: { amount: "1", currency: "IDR" } } }),
    ).not.toEqual([]);
    expect(validateReleasePackage({ ...releasePackage, version: "1.1.5" })).not.toEqual([]);
  });

  it("refuses a versioned release, which Segel never publishes", () => {
    const record = { ocid: release.ocid, releases: [release], versionedRelease: {} };
    expect(validateRecordPackage({ ...releasePackage, releases: undefined, records: [record] })).not.toEqual([]);
  });

  it("checks the prefix, repeated release ids and codelists", () => {
    expect(ocdsChecks(releasePackage, "ocds-other1")).toEqual([
      "release ocds-segel1-T0001/ocds-segel1-T0001-1: ocid does not start with ocds-other1-",
    ]);
    expect(ocdsChecks({ releases: [release, release] }, "ocds-segel1")).toEqual([
      "release ocds-segel1-T0001/ocds-segel1-T0001-1: release id repeated within the ocid",
    ]);
    const odd = { ...release, id: "x", parties: [{ id: "p", name: "P", roles: ["winner"] }] };
    expect(ocdsChecks([release, odd], "ocds-segel1")).toEqual([
      "release ocds-segel1-T0001/x party p: winner is not in partyRole.csv",
    ]);
  });

  it("reads a codelist's quoted fields: a code after a quoted section is known", () => {
    // documentType.csv: `,"tender, award",conflictOfInterest,...`
    const doc = { id: "c", documentType: "conflictOfInterest" };
    const withDoc = { ...release, tender: { ...release.tender, documents: [doc] } };
    expect(ocdsChecks([withDoc], "ocds-segel1")).toEqual([]);
  });
});
