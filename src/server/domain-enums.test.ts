import { describe, expect, it } from "vitest";
import * as Db from "@/generated/prisma/enums";
import { DOMAIN_ENUMS } from "./domain-enums";

// tsc holds the types; this holds the runtime lists the domain iterates and offers in
// forms, where a value listed twice (or a list cast wider) still type-checks.
describe("the domain's enum lists", () => {
  it.each(Object.entries(DOMAIN_ENUMS))("%s holds exactly the database enum's values, each once", (name, values) => {
    const prisma = Db[name as keyof typeof Db];
    expect([...values].sort()).toEqual(Object.values(prisma).sort());
  });
});
