import { describe, expect, it } from "vitest";
import { dbNow } from "@/server/db";
import { makeActor, makeAgency, makeUser } from "@/tests/factories";
import { makeBlacklistEntry } from "@/tests/factories/blacklist";
import { findBlacklist } from "./find-blacklist";
import { getBlacklistDesk } from "./get-blacklist-desk";

/** A 15-digit NPWP starting with `lead`, unique enough for one run. */
const npwpOf = (lead: string) => `${lead}${String(Date.now()).slice(-13)}${Math.floor(Math.random() * 10)}`;

/** An entry written straight to the table, with its period around the database clock. */
const entry = (name: string, npwp: string, fromHours: number, toHours: number, extra = {}) =>
  makeBlacklistEntry({ npwp, vendorName: name }, { decreeNumber: `SK/${name}`, fromHours, toHours, extra });

describe("findBlacklist (public)", () => {
  it("lists in force first, then to come, then ended or lifted; masks the NPWP; finds by name or whole NPWP only", async () => {
    const tag = `Uji${Date.now()}`;
    const npwp = npwpOf("7");
    const lifter = await makeUser([{ role: "VERIFIKATOR" }]);
    await entry(`${tag} Berakhir`, `1${npwp.slice(1)}`, -48, -1);
    await entry(`${tag} Diangkat`, `2${npwp.slice(1)}`, -2, 48, {
      liftedAt: await dbNow(),
      liftedById: lifter.id,
      liftReason: "Dicabut.",
    });
    await entry(`${tag} Nanti`, `3${npwp.slice(1)}`, 24, 48);
    await entry(`${tag} Berlaku`, npwp, -1, 48);

    const list = await findBlacklist({ page: 1, q: tag });
    expect(list.rows.map((r) => [r.vendorName, r.state])).toEqual([
      [`${tag} Berlaku`, "inForce"],
      [`${tag} Nanti`, "upcoming"],
      [`${tag} Diangkat`, "lifted"],
      [`${tag} Berakhir`, "ended"],
    ]);
    expect(list.rows[0]!.npwpMasked).toBe(`${npwp.slice(0, 2)}${"*".repeat(10)}${npwp.slice(-3)}`);
    expect(JSON.stringify(list.rows)).not.toContain(npwp);
    // a whole NPWP, in the 16-digit form, finds it; a part of one finds nothing
    expect((await findBlacklist({ page: 1, q: `0${npwp}` })).rows.map((r) => r.vendorName)).toEqual([`${tag} Berlaku`]);
    expect((await findBlacklist({ page: 1, q: npwp.slice(0, 9) })).total).toBe(0);
    // LIKE's own characters are taken as text
    expect((await findBlacklist({ page: 1, q: "%" })).total).toBe(0);
  });
});

describe("getBlacklistDesk", () => {
  it("refuses PENYEDIA, POKJA and AUDITOR; offers a KPA only its agency and lifts only its entries", async () => {
    const agency = await makeAgency();
    for (const actor of [await makeActor("PENYEDIA"), await makeActor("POKJA", agency.id), await makeActor("AUDITOR")])
      await expect(getBlacklistDesk(actor, { page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const kpa = await makeActor("KPA", agency.id);
    const mine = await entry(`Milik${Date.now()}`, npwpOf("8"), -1, 48, {
      agencyId: agency.id,
    });
    const national = await entry(`Nasional${Date.now()}`, npwpOf("6"), -1, 48);
    const desk = await getBlacklistDesk(kpa, { page: 1 });
    expect(desk.agencies).toEqual([{ id: agency.id, name: agency.name }]);
    expect(desk.liftable).toContain(mine.id);
    expect(desk.liftable).not.toContain(national.id);
    const verifikator = await getBlacklistDesk(await makeActor("VERIFIKATOR"), { page: 1 });
    expect(verifikator.agencies).toEqual([{ id: "", name: "" }]);
  });
});
