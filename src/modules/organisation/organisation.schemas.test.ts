import { describe, expect, it } from "vitest";
import { addPersonSchema, agencySchema, formPokjaSchema, grantRoleSchema } from "./organisation.schemas";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe("formPokjaSchema", () => {
  it("turns one ticked checkbox into a list and none into an empty list", () => {
    const base = { agencyId: id(0), name: "Pokja I", skNumber: "SK-1", skDate: "2027-01-04", leaderId: id(1) };
    expect(formPokjaSchema.parse({ ...base, memberIds: id(1) }).memberIds).toEqual([id(1)]);
    expect(formPokjaSchema.parse(base).memberIds).toEqual([]);
  });

  it("names the missing leader with a message key", () => {
    const result = formPokjaSchema.safeParse({ agencyId: id(0), name: "Pokja I", memberIds: [id(1)] });
    expect(result.error?.issues.find((i) => i.path[0] === "leaderId")?.message).toBe("pokjaLeader");
  });
});

describe("the organisation schemas", () => {
  it("requires the Pokja's decree", () => {
    const result = formPokjaSchema.safeParse({ agencyId: id(0), name: "Pokja I", leaderId: id(1), skNumber: " " });
    const paths = result.error?.issues.map((i) => i.path[0]);
    expect(paths).toContain("skNumber");
    expect(paths).toContain("skDate");
  });

  it("normalises an e-mail typed with capitals and spaces, and reads empty fields as absent", () => {
    const parsed = addPersonSchema.parse({
      email: "  Budi@Pemda.GO.id ",
      name: "Budi",
      role: "PPK",
      agencyId: id(0),
      nip: "",
      phone: "",
      skNumber: "",
      validFrom: "",
      validUntil: "",
    });
    expect(parsed).toEqual({ email: "budi@pemda.go.id", name: "Budi", role: "PPK", agencyId: id(0) });
  });

  it("refuses an end before the start, an unknown role, a time zone outside Indonesia and an odd code", () => {
    const grant = { userId: id(1), role: "PPK", agencyId: id(0) };
    const ended = grantRoleSchema.safeParse({ ...grant, validFrom: "2027-02-01", validUntil: "2027-01-31" });
    expect(ended.error?.issues[0]).toMatchObject({ message: "validUntilBeforeValidFrom", path: ["validUntil"] });
    expect(grantRoleSchema.safeParse({ ...grant, validFrom: "2027-02-01", validUntil: "2027-02-01" }).success).toBe(
      true,
    );
    expect(grantRoleSchema.safeParse({ ...grant, role: "PENYEDIA" }).success).toBe(false);
    const agency = { code: "KAB-UJI", name: "Kabupaten Uji", kind: "PEMDA_KABUPATEN", timeZone: "Asia/Jakarta" };
    expect(agencySchema.parse({ ...agency, code: " kab-uji " }).code).toBe("KAB-UJI");
    expect(agencySchema.safeParse({ ...agency, timeZone: "Asia/Tokyo" }).success).toBe(false);
    expect(agencySchema.safeParse({ ...agency, code: "<script>" }).success).toBe(false);
    expect(agencySchema.safeParse({ ...agency, name: "x".repeat(201) }).success).toBe(false);
  });
});
