import { describe, expect, it } from "vitest";
import {
  actorFor,
  makeAgency,
  makePaket,
  makePokja,
  makeSealedBidTender,
  makeTender,
  makeUser,
  makeUserOpeningKey,
} from "@/tests/factories";
import { db } from "@/server/db";
import { createOpeningKey } from "./create-opening-key";
import { setOpeningKey } from "./set-opening-key";

describe("createOpeningKey", () => {
  it("stores the public key, a majority threshold and one sealed share per member, never the private key", async () => {
    const { tender, members } = await makeSealedBidTender({ pokjaSize: 5 });
    const key = await db.tenderOpeningKey.findUniqueOrThrow({ where: { tenderId: tender.id } });
    expect(key.threshold).toBe(3);
    const shares = await db.tenderKeyShare.findMany({ where: { tenderId: tender.id } });
    expect(shares.map((s) => s.userId).sort()).toEqual(members.map((m) => m.user.id).sort());
    expect(new Set(shares.map((s) => s.shareIndex)).size).toBe(5);
    expect((await db.tender.findUniqueOrThrow({ where: { id: tender.id } })).openingPublicKey).toBe(key.publicKey);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "tender.openingKeyCreated", entityId: tender.id },
    });
    expect(audit.data).toMatchObject({ publicKey: key.publicKey, threshold: 3 });
  });

  it("refuses, naming them, when a member has no personal opening key, and stores nothing", async () => {
    const agency = await makeAgency();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const ready = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const lazy = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const other = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    await makeUserOpeningKey(ready.id, "kata sandi pembukaan siap");
    const pokja = await makePokja(agency, [ready.id, lazy.id, other.id]);
    const tender = await makeTender(await makePaket(agency, ppk.id), { pokjaId: pokja.id });
    const attempt = db.$transaction((tx) => createOpeningKey(tx, tender.id));
    await expect(attempt).rejects.toMatchObject({ code: "VALIDATION", messageKey: "openingKeyMissing" });
    await attempt.catch((e: { values: { names: string } }) => {
      expect(e.values.names).toContain(lazy.name);
      expect(e.values.names).toContain(other.name);
      expect(e.values.names).not.toContain(ready.name);
    });
    expect(await db.tenderOpeningKey.count()).toBe(0);
    expect(await db.tenderKeyShare.count()).toBe(0);
  });

  it("refuses to make a second key for the same tender", async () => {
    const { tender } = await makeSealedBidTender();
    await expect(db.$transaction((tx) => createOpeningKey(tx, tender.id))).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "openingKeyExists",
    });
  });
});

describe("setOpeningKey", () => {
  it("creates the key once; a change needs the old passphrase and keeps the key pair", async () => {
    const agency = await makeAgency();
    const member = actorFor(await makeUser([{ role: "POKJA", agencyId: agency.id }]));
    const created = await setOpeningKey(member, {
      passphrase: "kata sandi pembukaan A",
      confirmation: "kata sandi pembukaan A",
    });
    const row = await db.userOpeningKey.findUniqueOrThrow({ where: { userId: member.userId } });
    expect(Buffer.from(row.encryptedPrivateKey).includes(Buffer.from("kata sandi"))).toBe(false);
    await expect(
      setOpeningKey(member, { passphrase: "kata sandi pembukaan B", confirmation: "kata sandi pembukaan B" }),
    ).rejects.toMatchObject({ messageKey: "openingPassphraseRequired" });
    await expect(
      setOpeningKey(member, {
        passphrase: "kata sandi pembukaan B",
        confirmation: "kata sandi pembukaan B",
        oldPassphrase: "salah salah salah",
      }),
    ).rejects.toMatchObject({ messageKey: "openingPassphraseWrong" });
    const changed = await setOpeningKey(member, {
      passphrase: "kata sandi pembukaan B",
      confirmation: "kata sandi pembukaan B",
      oldPassphrase: "kata sandi pembukaan A",
    });
    expect(changed.publicKey).toBe(created.publicKey);
    const events = await db.auditEvent.findMany({ where: { entityId: member.userId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["openingKey.created", "openingKey.passphraseChanged"]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain("kata sandi");
  });

  it("is only for Pokja members", async () => {
    const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: (await makeAgency()).id }]));
    await expect(
      setOpeningKey(ppk, { passphrase: "kata sandi pembukaan A", confirmation: "kata sandi pembukaan A" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
