import { describe, expect, it } from "vitest";
import { applyTenderEvent } from "@/modules/tenders/server/apply-tender-event";
import { db } from "@/server/db";
import { makeActor, makeAgency, makeLpse, makeScheduledTender } from "@/tests/factories";
import { lpseProfileSchema } from "../lpse.schemas";
import { readLpseProfile } from "./get-lpse-profile";
import { updateLpseProfile } from "./update-lpse-profile";

const base = {
  name: "LPSE Kabupaten Contoh",
  address: "",
  contactEmail: "",
  phone: "",
  website: "",
  timeZone: "Asia/Jakarta",
};
const parse = (ocidPrefix?: string) => lpseProfileSchema.parse({ ...base, ocidPrefix });

/** The instance's LPSE (the oldest row, as the profile edits it). */
async function instance() {
  await makeLpse();
  return db.lpseInstance.findFirstOrThrow({ orderBy: { createdAt: "asc" }, select: { id: true, ocidPrefix: true } });
}

describe("the ocid prefix on the LPSE profile", () => {
  it("accepts ocds- and six lower-case letters or digits, and nothing else", () => {
    expect(parse("ocds-segel1").ocidPrefix).toBe("ocds-segel1");
    expect(parse(" OCDS-SEGEL1 ").ocidPrefix).toBe("ocds-segel1");
    expect(parse("").ocidPrefix).toBeUndefined();
    for (const bad of ["ocds-segel", "ocds-segel12", "ocds_segel1", "segel1", "ocds-sègel1"]) {
      const result = lpseProfileSchema.safeParse({ ...base, ocidPrefix: bad });
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("ocidPrefixInvalid");
    }
  });

  it("changes and audits it while nothing is published, then refuses a change once a release exists", async () => {
    const lpse = await instance();
    const admin = await makeActor("ADMIN_LPSE");
    const prefix = `ocds-${lpse.id.replace(/-/g, "").slice(0, 6)}`;
    await db.ocdsRelease.count({ where: { agency: { lpseId: lpse.id } } }).then((n) => expect(n).toBe(0));
    expect((await updateLpseProfile(admin, parse(prefix))).changed).toContain("ocidPrefix");
    expect((await readLpseProfile()).ocidPrefix).toBe(prefix);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "lpse.profileChanged", entityId: lpse.id },
      orderBy: { seq: "desc" },
      select: { data: true },
    });
    expect(event.data).toMatchObject({ changes: { ocidPrefix: { from: lpse.ocidPrefix, to: prefix } } });

    // a tender of this LPSE is published: its release carries the prefix
    const agency = await makeAgency();
    await db.agency.update({ where: { id: agency.id }, data: { lpseId: lpse.id } });
    const { tender } = await makeScheduledTender({ agency, status: "DRAFT" });
    await db.$transaction((tx) => applyTenderEvent(tx, tender.id, { kind: "published" }, { actor: null }));
    expect((await db.ocdsRelease.findFirstOrThrow({ where: { tenderId: tender.id } })).ocid).toBe(
      `${prefix}-${tender.code}`,
    );

    await expect(updateLpseProfile(admin, parse("ocds-other1"))).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "ocidPrefixFixed",
      values: { prefix },
    });
    expect((await readLpseProfile()).ocidPrefix).toBe(prefix);
    // the rest of the profile can still change, the prefix sent unchanged
    expect((await updateLpseProfile(admin, { ...parse(prefix), phone: "(021) 555-0100" })).changed).toEqual(["phone"]);
  });
});
