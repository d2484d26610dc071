import { describe, expect, it } from "vitest";
import type { QualificationRequirements } from "@/modules/qualification/domain";
import { actorFor, makeAgency, makePokjaTender, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { updateTenderRequirementsSchema, type UpdateTenderRequirementsInput } from "../tender.schemas";
import { getTenderSetup } from "./get-tender-setup";
import { updateTenderRequirements } from "./update-tender-requirements";

const requirements: QualificationRequirements = {
  version: 1,
  permits: [{ kind: "SBU", kbli: ["41011"] }],
  experience: { minCount: 2, minValue: "1000000000", withinYears: 4 },
  staff: [{ position: "Ahli Struktur", minCount: 1, minYears: 5, education: "S1 Teknik Sipil" }],
  equipment: [{ name: "Excavator", minCount: 2 }],
  financial: { minNetWorth: "500000000", taxReturn: true },
};
const input = (tenderId: string, over: Partial<UpdateTenderRequirementsInput> = {}): UpdateTenderRequirementsInput => ({
  tenderId,
  requirements,
  bidParts: ["ADMINISTRASI", "TEKNIS", "HARGA"],
  ...over,
});
const stored = (id: string) =>
  db.tender.findUniqueOrThrow({ where: { id }, select: { qualificationRequirements: true, bidParts: true } });
const audits = () => db.auditEvent.count({ where: { action: "tender.requirementsUpdated" } });

async function makeCepatTender() {
  const made = await makePokjaTender();
  const cepat = await db.procedureConfig.findUniqueOrThrow({ where: { key: "tender-cepat" } });
  await db.tender.update({ where: { id: made.tender.id }, data: { method: "TENDER_CEPAT", procedureId: cepat.id } });
  return made;
}

describe("updateTenderRequirements", () => {
  it("saves the structured requirements and the chosen parts, audited, and the set-up reads them back", async () => {
    const { pokja, tender } = await makePokjaTender();
    await updateTenderRequirements(pokja, input(tender.id));
    expect(await stored(tender.id)).toEqual({
      qualificationRequirements: requirements,
      bidParts: ["ADMINISTRASI", "TEKNIS", "HARGA"],
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.requirementsUpdated", entityId: tender.id },
    });
    expect(audit.actorId).toBe(pokja.userId);
    const view = await getTenderSetup(pokja, tender.id);
    expect(view.requirements).toEqual(requirements);
    expect(view.requiredBidParts).toEqual(["ADMINISTRASI", "TEKNIS", "HARGA"]);
    expect(view.procedure.bidParts).toEqual(["ADMINISTRASI", "KUALIFIKASI", "TEKNIS", "HARGA"]);
  });

  it("stores an all-empty list as none, and no parts chosen leaves the procedure's in force", async () => {
    const { pokja, tender } = await makePokjaTender();
    await updateTenderRequirements(pokja, input(tender.id));
    const empty = { version: 1 as const, permits: [], experience: null, staff: [], equipment: [], financial: null };
    await updateTenderRequirements(pokja, input(tender.id, { requirements: empty, bidParts: [] }));
    expect(await stored(tender.id)).toEqual({ qualificationRequirements: null, bidParts: [] });
    expect((await getTenderSetup(pokja, tender.id)).requiredBidParts).toEqual([
      "ADMINISTRASI",
      "KUALIFIKASI",
      "TEKNIS",
      "HARGA",
    ]);
  });

  it("refuses a part outside the procedure's list, the bid security document, and a choice without the price, writing nothing", async () => {
    const { pokja, tender } = await makeCepatTender();
    const none = { version: 1 as const, permits: [], experience: null, staff: [], equipment: [], financial: null };
    for (const [bidParts, key] of [
      [["TEKNIS", "HARGA"], "bidPartsOutsideProcedure"],
      [["HARGA", "JAMINAN_PENAWARAN"], "bidPartsOutsideProcedure"],
    ] as const) {
      await expect(
        updateTenderRequirements(pokja, input(tender.id, { requirements: none, bidParts: [...bidParts] })),
      ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { bidParts: [key] } });
    }
    const regular = await makePokjaTender();
    await expect(
      updateTenderRequirements(regular.pokja, input(regular.tender.id, { bidParts: ["ADMINISTRASI", "TEKNIS"] })),
    ).rejects.toMatchObject({ fieldErrors: { bidParts: ["bidPartsNeedPrice"] } });
    expect(await stored(tender.id)).toEqual({ qualificationRequirements: null, bidParts: [] });
    expect(await stored(regular.tender.id)).toEqual({ qualificationRequirements: null, bidParts: [] });
    expect(await audits()).toBe(0);
    // the Tender Cepat's own list is the price alone
    await updateTenderRequirements(pokja, input(tender.id, { requirements: none, bidParts: ["HARGA"] }));
    expect((await stored(tender.id)).bidParts).toEqual(["HARGA"]);
  });

  it("refuses structured requirements on a Tender Cepat: it qualifies from the verified profile", async () => {
    const { pokja, tender } = await makeCepatTender();
    await expect(updateTenderRequirements(pokja, input(tender.id, { bidParts: ["HARGA"] }))).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "cepatRequirementsFromProfile",
    });
    expect((await stored(tender.id)).qualificationRequirements).toBeNull();
  });

  it("hides the tender from a PPK, a Pokja of another agency and a penyedia", async () => {
    const { ppk, tender } = await makePokjaTender();
    const otherAgency = await makeAgency();
    const elsewhere = await makeUser([{ role: "POKJA", agencyId: otherAgency.id }]);
    const vendorUser = await makeUser([{ role: "PENYEDIA", agencyId: null }]);
    for (const actor of [ppk, actorFor(elsewhere), actorFor(vendorUser)])
      await expect(updateTenderRequirements(actor, input(tender.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(tender.id)).toEqual({ qualificationRequirements: null, bidParts: [] });
    expect(await audits()).toBe(0);
  });

  it("refuses once the tender is announced: the set-up is frozen", async () => {
    const { pokja, tender } = await makePokjaTender();
    await db.tender.update({ where: { id: tender.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
    await expect(updateTenderRequirements(pokja, input(tender.id))).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "tenderSetupLocked",
    });
    expect((await stored(tender.id)).qualificationRequirements).toBeNull();
  });

  it.each([
    ["deep nesting", { ...requirements, permits: [{ kind: "SBU", kbli: [], x: { y: { z: [[[{}]]] } } }] }],
    ["10 000 rows", { ...requirements, equipment: Array.from({ length: 10_000 }, () => ({ name: "X", minCount: 1 })) }],
    ["a negative count", { ...requirements, staff: [{ ...requirements.staff[0]!, minCount: -3 }] }],
    ["KBLI abcde", { ...requirements, permits: [{ kind: "SBU", kbli: ["abcde"] }] }],
    ["a string", "{}"],
  ])("refuses %s from code with a clear message, writing nothing", async (_name, absurd) => {
    const { pokja, tender } = await makePokjaTender();
    const call = updateTenderRequirements(pokja, input(tender.id, { requirements: absurd as never }));
    await expect(call).rejects.toMatchObject({ code: "VALIDATION", messageKey: "requirementsInvalid" });
    expect(await stored(tender.id)).toEqual({ qualificationRequirements: null, bidParts: [] });
    expect(await audits()).toBe(0);
  });
});

describe("the set-up form's schema", () => {
  const parse = (requirements: unknown, bidParts: unknown = ["HARGA"]) =>
    updateTenderRequirementsSchema.safeParse({ tenderId: crypto.randomUUID(), requirements, bidParts });
  const errors = (r: ReturnType<typeof parse>) =>
    r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));

  it("reads rows of text, drops the empty ones, and keeps each refusal beside its input", () => {
    const ok = parse({
      permits: [
        { kind: "", kbli: "" },
        { kind: "SBU", kbli: "41011, 42101" },
      ],
      experience: { minCount: "", minValue: "", withinYears: "" },
      staff: [{ position: "Ahli", minCount: "2", minYears: "0", education: "" }],
      equipment: [],
      financial: { minNetWorth: "", taxReturn: "on" },
    });
    expect(ok.success && ok.data.requirements).toEqual({
      version: 1,
      permits: [{ kind: "SBU", kbli: ["41011", "42101"] }],
      experience: null,
      staff: [{ position: "Ahli", minCount: 2, minYears: 0, education: null }],
      equipment: [],
      financial: { minNetWorth: null, taxReturn: true },
    });
    const bad = parse({
      permits: [
        { kind: "", kbli: "" },
        { kind: "SBU", kbli: "abcde" },
      ],
      staff: [{ position: "Ahli", minCount: "-1", minYears: "0", education: "" }],
      experience: { minCount: "1", minValue: "-5", withinYears: "3" },
    });
    expect(errors(bad)).toMatchObject({
      "requirements.permits.1.kbli": "kbliInvalid",
      "requirements.staff.0.minCount": "requirementCountInvalid",
      "requirements.experience.minValue": "amountNegative",
    });
  });

  it("refuses 10 000 rows, a part that does not exist, and a form with no rows asks nothing", () => {
    const many = Array.from({ length: 10_000 }, () => ({ name: "X", minCount: "1" }));
    expect(errors(parse({ equipment: many }))).toMatchObject({ "requirements.equipment": "requirementRowsTooMany" });
    expect(errors(parse({}, ["HARGA", "SUAP"]))).toMatchObject({ "bidParts.1": "bidPartInvalid" });
    const nothing = parse(undefined, "HARGA");
    expect(nothing.success && nothing.data).toMatchObject({ requirements: { permits: [] }, bidParts: ["HARGA"] });
  });
});
