import { describe, expect, it } from "vitest";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";
import { PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from "@/modules/paket/domain";
import { EVALUATION_METHODS, STAGE_KINDS } from "@/modules/tenders/domain";
import {
  ocdsChecks,
  validateRecordPackage,
  validateRelease,
  validateReleasePackage,
} from "@/tests/setup/ocds-validator";
import {
  buildDirectProcurementRelease,
  buildNonTenderRelease,
  buildTenderRelease,
  releaseTagsFor,
  type DirectProcurementStage,
  type SnapshotDocument,
  type TenderSnapshot,
} from ".";
import { DOCUMENT_TYPE_MAPPING, NON_TENDER_MAPPING, type NonTenderKind } from "./mappings";
import type { JsonObject } from "./merge";
import { buildRecord, recordPackage, releasePackage } from "./packages";
import type { TenderChangeTrigger } from "./triggers";

// Fuzzed processes (issue 14, item 1; docs/decisions/0041): a seeded generator (mulberry32, no
// package) walks many tenders through random lives (methods, categories, stages, bids,
// winners, withdrawn awards, addenda, schedule changes, cancellation, failure, transfer) with
// extreme values (HPS of one rupiah and at the rupiah ceiling, long names in odd Unicode,
// every optional field empty). Every release, package, record and compiled release the pure
// builder and packages make validates against OCDS 1.1.5 with zero errors. Deterministic:
// SEGEL_FUZZ_SEED replays a run, and every failure names the seed and the process.

const SEED = Number(process.env.SEGEL_FUZZ_SEED ?? 20261207);
const TENDERS = 400;
const OTHERS = 150;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = ReturnType<typeof makeRng>;
function makeRng(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const chance = (p: number) => next() < p;
  const hex = (length: number) => Array.from({ length }, () => "0123456789abcdef"[int(0, 15)]).join("");
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  return { next, int, pick, chance, hex, uuid };
}

// Pieces of names an LPSE sees, and the odd ones: accents, combining marks, right-to-left and
// zero-width characters, emoji, markup and quotes, a non-breaking space. Never NUL or a lone
// surrogate: PostgreSQL cannot store those, so no snapshot carries them (src/lib/safe-text.ts).
const WORDS = ["Pembangunan", "Jalan", "Rehabilitasi", "Gedung", "Puskesmas", "Kabupaten", "Jayapura", "Irigasi"];
const ODD = [
  "Caf\u00e9",
  "e\u0301",
  "\u200b",
  "\u200d",
  "\u202e",
  "\u00a0",
  "\ud83c\udfd7\ufe0f",
  '"',
  "\\",
  "</script>",
  "'; --",
  "\t",
  "\n",
  "\u0627\u0644\u0633\u0644\u0627\u0645",
  "\u4e2d\u6587",
  "\ufeff",
];

/** A name or text, empty now and then where the field is optional (`optional`). */
function text(rng: Rng, maxWords: number, optional = true): string {
  if (optional && rng.chance(0.05)) return "";
  if (rng.chance(0.03)) return "Pembangunan Jalan ".repeat(rng.int(50, 150)).trim(); // over 1,000 characters
  return Array.from({ length: rng.int(1, maxWords) }, () => (rng.chance(0.2) ? rng.pick(ODD) : rng.pick(WORDS))).join(
    rng.chance(0.1) ? "\u00a0" : " ",
  );
}

function amount(rng: Rng): bigint {
  const roll = rng.next();
  if (roll < 0.05) return 1n;
  if (roll < 0.1) return RUPIAH_CEILING;
  if (roll < 0.15) return BigInt(Number.MAX_SAFE_INTEGER);
  return BigInt(rng.int(1, 50_000)) * 1_000_000n + BigInt(rng.int(0, 999));
}

const DOCUMENT_KINDS = Object.keys(DOCUMENT_TYPE_MAPPING);
const later = (rng: Rng, d: Date) => new Date(d.getTime() + (rng.chance(0.1) ? 0 : rng.int(1, 20 * 86_400_000)));

function documents(rng: Rng, at: Date): SnapshotDocument[] {
  return Array.from({ length: rng.chance(0.3) ? 0 : rng.int(1, 4) }, () => ({
    id: rng.uuid(),
    kind: rng.pick(DOCUMENT_KINDS),
    fileName: `${text(rng, 3)}.pdf`,
    mimeType: rng.pick(["application/pdf", "application/zip", "image/png"]),
    sha256: rng.hex(64),
    createdAt: at,
  }));
}

interface Built {
  releases: JsonObject[];
  prefix: string;
}

/** One tender's life: a sequence of (trigger, public snapshot) and the releases they publish. */
function fuzzTender(rng: Rng): Built {
  const prefix = `ocds-${Array.from({ length: 6 }, () => rng.pick([..."abcdefghijklmnopqrstuvwxyz0123456789"])).join("")}`;
  let date = new Date(
    Date.UTC(rng.int(2021, 2027), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59), 0, rng.int(0, 999)),
  );
  const stages = STAGE_KINDS.filter(() => rng.chance(0.6)).map((kind) => {
    const startsAt = later(rng, date);
    const endsAt = later(rng, startsAt);
    date = endsAt;
    return { kind, startsAt, endsAt };
  });
  const vendors = Array.from({ length: rng.int(0, 6) }, () => ({ id: rng.uuid(), name: text(rng, 4, false) }));
  const s: TenderSnapshot = {
    id: rng.uuid(),
    code: `${rng.int(2021, 2027)}${String(rng.int(1, 99_999)).padStart(5, "0")}`,
    name: text(rng, 12),
    status: "PUBLISHED",
    method: rng.pick(PROCUREMENT_METHODS),
    category: rng.pick(PROCUREMENT_CATEGORIES),
    evaluationMethod: rng.chance(0.2) ? null : rng.pick(EVALUATION_METHODS),
    hps: rng.chance(0.1) ? null : amount(rng),
    agency: { id: rng.uuid(), name: text(rng, 6, false) },
    pokja: rng.chance(0.2) ? null : { id: rng.uuid(), name: text(rng, 5, false) },
    stages,
    documents: documents(rng, date),
    amendments: [],
    publishedAt: date,
    openedAt: null,
    sppbjIssuedAt: null,
    endReason: null,
    bidCount: null,
    validBidCount: null,
    tenderers: null,
    awards: [],
    hasBanding: false,
    previousTenderCode: rng.chance(0.15)
      ? `${rng.int(2021, 2026)}${String(rng.int(1, 99_999)).padStart(5, "0")}`
      : null,
    transferredTo: null,
  };
  const releases: JsonObject[] = [];
  let announced = false;
  const publish = (trigger: TenderChangeTrigger) => {
    date = later(rng, date);
    const tags = releaseTagsFor(trigger, { hadAnnouncement: announced });
    if (!tags) return;
    const release = buildTenderRelease(structuredClone(s), {
      prefix,
      position: releases.length + 1,
      date,
      tags,
      publicOrigin: rng.pick(["https://lpse.example.go.id", "http://localhost:3000"]),
    });
    // what a reader gets is the JSON: no bigint, no Date, no undefined may survive in it
    releases.push(JSON.parse(JSON.stringify(release)) as JsonObject);
    // the privacy line: nobody's name or count before the opening, no supplier before the announcement
    if (!s.openedAt) expect(JSON.stringify(release)).not.toMatch(/"tenderers"|"numberOfTenderers"|"bids"/);
    if (!announced) expect(release.awards ?? []).toEqual([]);
  };
  publish(rng.pick(["published", "imported"] as const));
  const amend = (trigger: TenderChangeTrigger) => {
    s.amendments = [
      ...s.amendments,
      {
        id: rng.uuid(),
        date: later(rng, date),
        rationale: text(rng, 8),
        ...(rng.chance(0.5) ? { description: text(rng, 8) } : {}),
      },
    ];
    publish(trigger);
  };
  for (let i = rng.int(0, 3); i > 0; i--)
    amend(rng.pick(["addendum", "rescheduled", "deadlineExtended", "compensated"] as const));
  const end = (status: "FAILED" | "CANCELLED" | "TRANSFERRED") => {
    s.status = status;
    s.endReason = rng.chance(0.2) ? "" : text(rng, 10);
    if (status === "TRANSFERRED")
      s.transferredTo = { name: text(rng, 4, false), url: "https://lpse.lain.example.go.id" };
    publish(status === "FAILED" ? "failed" : status === "CANCELLED" ? "cancelled" : "transferred");
  };
  const fate = rng.next();
  if (fate < 0.1) return (end(rng.pick(["CANCELLED", "TRANSFERRED"] as const)), { releases, prefix });
  if (fate < 0.2) return (end("FAILED"), { releases, prefix });
  s.status = "EVALUATION";
  s.openedAt = later(rng, date);
  s.bidCount = vendors.length;
  publish("opened");
  if (rng.chance(0.15) || vendors.length === 0)
    return (end(rng.pick(["FAILED", "CANCELLED"] as const)), { releases, prefix });
  publish("winnerSet");
  const announce = () => {
    s.status = "AWARDED";
    s.validBidCount = rng.int(1, vendors.length);
    s.tenderers = vendors;
    s.awards = [
      ...s.awards,
      {
        supplier: rng.pick(vendors),
        value: rng.chance(0.1) ? null : amount(rng),
        announcedAt: later(rng, date),
        withdrawnAt: null,
      },
    ];
    s.hasBanding = s.hasBanding || rng.chance(0.2);
    announced = true;
    publish("winnerAnnounced");
  };
  announce();
  if (rng.chance(0.25)) {
    // an accepted sanggah withdraws the award; the evaluation reopens and a new winner is announced
    s.awards = s.awards.map((a) => ({ ...a, withdrawnAt: a.withdrawnAt ?? later(rng, date) }));
    s.status = "EVALUATION";
    publish("sanggahAccepted");
    publish("evaluationReopened");
    announce();
  }
  if (rng.chance(0.15)) return (end(rng.pick(["FAILED", "CANCELLED"] as const)), { releases, prefix });
  if (rng.chance(0.7)) {
    s.status = "COMPLETED";
    s.sppbjIssuedAt = later(rng, date);
    s.documents = [...s.documents, ...documents(rng, s.sppbjIssuedAt).map((d) => ({ ...d, kind: "SPPBJ" }))];
    publish("sppbjIssued");
  }
  return { releases, prefix };
}

function fuzzOther(rng: Rng): Built {
  const prefix = "ocds-segel1";
  const agency = { id: rng.uuid(), name: text(rng, 5, false) };
  const workUnit = { id: rng.uuid(), name: text(rng, 4, false) };
  const at = new Date(Date.UTC(rng.int(2021, 2027), rng.int(0, 11), rng.int(1, 28)));
  if (rng.chance(0.5)) {
    const kind = rng.pick(Object.keys(NON_TENDER_MAPPING) as NonTenderKind[]);
    const release = buildNonTenderRelease(
      {
        id: rng.uuid(),
        name: text(rng, 10),
        rupCode: rng.chance(0.3) ? null : String(rng.int(1, 99_999_999)),
        category: rng.pick(PROCUREMENT_CATEGORIES),
        kind,
        reason: text(rng, 12),
        value: amount(rng),
        vendorName: text(rng, 4, false),
        realizedOn: at,
        agency,
        workUnit,
        documents: documents(rng, at),
      },
      { prefix, position: 1, date: at, publicOrigin: "https://lpse.example.go.id" },
    );
    return { releases: [JSON.parse(JSON.stringify(release)) as JsonObject], prefix };
  }
  const id = rng.uuid();
  const stages: DirectProcurementStage[] = ["invited", rng.pick(["completed", "cancelled"] as const)];
  const releases = stages.map((stage, i) => {
    const completed = stage === "completed";
    const release = buildDirectProcurementRelease(
      {
        id,
        stage,
        paket: {
          name: text(rng, 8),
          rupCode: String(rng.int(1, 99_999_999)),
          category: rng.pick(PROCUREMENT_CATEGORIES),
          hps: rng.chance(0.2) ? null : amount(rng),
        },
        agency,
        workUnit,
        vendor: { id: rng.uuid(), name: text(rng, 4, false) },
        invitedAt: at,
        contractNumber: completed && rng.chance(0.7) ? `SPK/${rng.int(1, 999)}/${rng.int(2021, 2027)}` : null,
        contractValue: completed ? amount(rng) : null,
        completedAt: completed ? later(rng, at) : null,
      },
      { prefix, position: i + 1, date: new Date(at.getTime() + i * 86_400_000) },
    );
    return JSON.parse(JSON.stringify(release)) as JsonObject;
  });
  return { releases, prefix };
}

const META = {
  uri: "https://lpse.example.go.id/api/ocds",
  publisher: { name: "LPSE Uji", uri: "https://lpse.example.go.id" },
  publicationPolicy: "https://lpse.example.go.id/data-terbuka",
};

/** Every error of every document made from one process's releases. */
function errorsOf({ releases, prefix }: Built): string[] {
  const ocid = String(releases[0]!.ocid);
  const record = buildRecord(ocid, releases);
  const releasePkg = releasePackage(META, releases);
  const recordPkg = recordPackage(META, [record]);
  return [
    ...releases.flatMap((r) => validateRelease(r).map((e) => `release ${String(r.id)}: ${e}`)),
    ...validateRelease(record.compiledRelease).map((e) => `compiled: ${e}`),
    ...validateReleasePackage(releasePkg).map((e) => `release package: ${e}`),
    ...validateRecordPackage(JSON.parse(JSON.stringify(recordPkg))).map((e) => `record package: ${e}`),
    ...ocdsChecks(releasePkg, prefix),
    ...ocdsChecks(recordPkg, prefix),
    ...(releases.every((r, i) => r.id === `${ocid}-${i + 1}`) ? [] : ["release ids are not ocid-1, ocid-2, ..."]),
  ];
}

describe(`fuzzed processes (seed ${SEED}; replay with SEGEL_FUZZ_SEED=${SEED})`, () => {
  it(`${TENDERS} tenders' releases, packages, records and compiled releases validate with zero errors`, () => {
    const rng = makeRng(SEED);
    let releases = 0;
    const tags = new Set<string>();
    for (let i = 0; i < TENDERS; i++) {
      const built = fuzzTender(rng);
      releases += built.releases.length;
      built.releases.forEach((r) => (r.tag as string[]).forEach((t) => tags.add(t)));
      expect(errorsOf(built), `seed ${SEED}, tender ${i}`).toEqual([]);
    }
    // the run reached every kind of change, so a zero means something
    expect([...tags].sort()).toEqual([
      "award",
      "awardUpdate",
      "tender",
      "tenderAmendment",
      "tenderCancellation",
      "tenderUpdate",
    ]);
    expect(releases).toBeGreaterThan(TENDERS * 3);
    console.log(`fuzz seed ${SEED}: ${TENDERS} tenders, ${releases} releases (+ ${TENDERS} compiled), 0 errors`);
  });

  it(`${OTHERS} pengadaan langsung and non-tender records validate with zero errors`, () => {
    const rng = makeRng(SEED + 1);
    let releases = 0;
    for (let i = 0; i < OTHERS; i++) {
      const built = fuzzOther(rng);
      releases += built.releases.length;
      expect(errorsOf(built), `seed ${SEED + 1}, process ${i}`).toEqual([]);
    }
    console.log(`fuzz seed ${SEED + 1}: ${OTHERS} other processes, ${releases} releases, 0 errors`);
  });

  it("publishes an HPS of 1 rupiah and of 2^53 - 1 rupiah exactly (JSON numbers are exact up to there)", () => {
    for (const hps of [1n, 9_007_199_254_740_991n]) {
      const release = buildTenderRelease(
        {
          id: "t",
          code: "202600001",
          name: "",
          status: "PUBLISHED",
          method: "TENDER",
          category: "BARANG",
          evaluationMethod: null,
          hps,
          agency: { id: "a", name: "Dinas" },
          pokja: null,
          stages: [],
          documents: [],
          amendments: [],
          publishedAt: null,
          openedAt: null,
          sppbjIssuedAt: null,
          endReason: null,
          bidCount: null,
          validBidCount: null,
          tenderers: null,
          awards: [],
          hasBanding: false,
          previousTenderCode: null,
          transferredTo: null,
        },
        { prefix: "ocds-segel1", position: 1, date: new Date(0), tags: ["tender"], publicOrigin: "https://x.test" },
      );
      expect(validateRelease(JSON.parse(JSON.stringify(release)))).toEqual([]);
      expect(BigInt(JSON.parse(JSON.stringify(release)).tender.value.amount)).toBe(hps);
    }
  });
});
