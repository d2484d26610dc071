import { describe, expect, it } from "vitest";
import { formPokjaSchema } from "./organisation.schemas";

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe("formPokjaSchema", () => {
  it("turns one ticked checkbox into a list and none into an empty list", () => {
    const base = { agencyId: id(0), name: "Pokja I", leaderId: id(1) };
    expect(formPokjaSchema.parse({ ...base, memberIds: id(1) }).memberIds).toEqual([id(1)]);
    expect(formPokjaSchema.parse(base).memberIds).toEqual([]);
  });

  it("names the missing leader with a message key", () => {
    const result = formPokjaSchema.safeParse({ agencyId: id(0), name: "Pokja I", memberIds: [id(1)] });
    expect(result.error?.issues.find((i) => i.path[0] === "leaderId")?.message).toBe("pokjaLeader");
  });
});
