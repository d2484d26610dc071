import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makePaket, makePokja, makePokjaTender, makeTender, makeUser } from "@/tests/factories";
import { db } from "@/server/db";
import { findPokjaTenders } from "./find-pokja-tenders";
import { getTenderSetup } from "./get-tender-setup";

describe("getTenderSetup", () => {
  it("gives the Pokja the paket, the rule's bid security range and the checklist of a draft", async () => {
    const { pokja, tender } = await makePokjaTender({
      category: "PEKERJAAN_KONSTRUKSI",
      hps: 20_000_000_000n,
      timeZone: "Asia/Jayapura",
    });
    const view = await getTenderSetup(pokja, tender.id);
    expect(view.agency.timeZone).toBe("Asia/Jayapura");
    expect(view.paket.hps).toBe(20_000_000_000n);
    expect(view.bidSecurity).toEqual({ required: true, min: 200_000_000n, max: 600_000_000n });
    expect(view.procedure.stages.at(-2)).toMatchObject({ kind: "SANGGAH_BANDING", days: 5, minHours: 120 });
    expect(view.checklist.map((i) => i.key)).toContain("bidSecurityMissing");
  });

  it("is NOT_FOUND for a PPK of the same agency", async () => {
    const { ppk, tender } = await makePokjaTender();
    await expect(getTenderSetup(ppk, tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("findPokjaTenders", () => {
  it("lists only the tenders of the actor's own Pokja in agencies where the actor holds the role", async () => {
    const { agency, pokja, tender, paket } = await makePokjaTender();
    const colleague = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const otherPokja = await makePokja(agency, [colleague.id]);
    await makeTender(await makePaket(agency, paket.createdById), { pokjaId: otherPokja.id });
    expect((await findPokjaTenders(pokja)).map((t) => t.id)).toEqual([tender.id]);
    // a seat kept after the role moved to another agency shows nothing
    const moved = { ...pokja, memberships: [{ role: "POKJA" as const, agencyId: (await makeAgency()).id }] };
    expect(await findPokjaTenders(moved)).toEqual([]);
    expect(await findPokjaTenders(actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }])))).toEqual([]);
    expect(await db.tender.count()).toBe(2);
  });
});
