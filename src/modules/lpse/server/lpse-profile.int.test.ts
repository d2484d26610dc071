import { describe, expect, it } from "vitest";
import { deflateSync } from "node:zlib";
import { notify } from "@/modules/notifications";
import { db } from "@/server/db";
import { openStored } from "@/server/storage";
import { makeActor, makeAgency, makeLpse } from "@/tests/factories";
import { lpseProfileSchema } from "../lpse.schemas";
import { getLpseProfileForEdit, readLpseProfile } from "./get-lpse-profile";
import { findLpseLogo, MAX_LOGO_BYTES, setLpseLogo } from "./set-lpse-logo";
import { updateLpseProfile } from "./update-lpse-profile";

const profile = lpseProfileSchema.parse({
  name: "LPSE Kabupaten Contoh",
  address: "Jl. Merdeka No. 1\nContoh",
  contactEmail: "LPSE@Contoh.go.id",
  phone: "(021) 555-0100",
  website: "https://lpse.contoh.go.id",
  timeZone: "Asia/Makassar",
});

/** A real 1×1 PNG: signature, IHDR, IDAT, IEND with their CRCs. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const file = (bytes: Buffer, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

async function readAll(storageKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of openStored(storageKey)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("updateLpseProfile", () => {
  it("writes what changed and records lpse.profileChanged with each field's from and to", async () => {
    const lpse = await makeLpse();
    const admin = await makeActor("ADMIN_LPSE");
    expect(await updateLpseProfile(admin, profile)).toEqual({
      changed: ["name", "address", "contactEmail", "phone", "website", "timeZone"],
    });
    expect(await readLpseProfile()).toMatchObject({ ...profile, contactEmail: "lpse@contoh.go.id", logoUrl: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "lpse.profileChanged", entityId: lpse.id } });
    expect(event.actorId).toBe(admin.userId);
    expect(event.data).toMatchObject({
      changes: {
        name: { from: lpse.name, to: "LPSE Kabupaten Contoh" },
        timeZone: { from: "Asia/Jakarta", to: "Asia/Makassar" },
      },
    });
  });

  it("writes nothing and records nothing when nothing changed", async () => {
    await makeLpse();
    const admin = await makeActor("ADMIN_LPSE");
    await updateLpseProfile(admin, profile);
    expect(await updateLpseProfile(admin, { ...profile, phone: "(021) 555-0100" })).toEqual({ changed: [] });
    expect(await updateLpseProfile(admin, { ...profile, phone: null })).toEqual({ changed: ["phone"] });
    expect(await db.auditEvent.count({ where: { action: "lpse.profileChanged" } })).toBe(2);
  });

  it("refuses every role but ADMIN_LPSE, for the form and the write, changing nothing", async () => {
    const lpse = await makeLpse();
    const agency = await makeAgency();
    for (const actor of [
      await makeActor("ADMIN_AGENCY", agency.id),
      await makeActor("AUDITOR"),
      await makeActor("VERIFIKATOR"),
      await makeActor("PPK", agency.id),
      await makeActor("PENYEDIA"),
    ]) {
      await expect(updateLpseProfile(actor, profile)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getLpseProfileForEdit(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setLpseLogo(actor, file(tinyPng(), "logo.png", "image/png"))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await db.lpseInstance.findUniqueOrThrow({ where: { id: lpse.id } })).toMatchObject({ name: lpse.name });
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("refuses absurd input in the schema, and the database refuses it from any writer", async () => {
    for (const bad of [
      { timeZone: "Europe/Berlin" },
      { website: "javascript:alert(1)" },
      { website: "ftp://lpse.contoh.go.id" },
      { phone: "0812<script>" },
      { contactEmail: "bukan email" },
      { name: "   " },
      { address: "x".repeat(501) },
    ])
      expect(lpseProfileSchema.safeParse({ ...profile, ...bad }).success).toBe(false);
    const lpse = await makeLpse();
    await expect(db.lpseInstance.update({ where: { id: lpse.id }, data: { timeZone: "UTC" } })).rejects.toThrow(
      /LpseInstance_timeZone_check/,
    );
    await expect(
      db.lpseInstance.update({
        where: { id: lpse.id },
        data: { logoStorageKey: "k", logoMime: "image/svg+xml", logoSha256: "0".repeat(64) },
      }),
    ).rejects.toThrow(/LpseInstance_logo_check/);
  });
});

describe("the profile in e-mails", () => {
  it("signs every notification e-mail with the LPSE's name, address and contact", async () => {
    await makeLpse();
    const admin = await makeActor("ADMIN_LPSE");
    await updateLpseProfile(admin, profile);
    await db.$transaction((tx) =>
      notify(tx, { kind: "test", title: "Uji", body: "Isi pesan.", userIds: [admin.userId] }),
    );
    const mail = await db.emailOutbox.findFirstOrThrow({ where: { to: admin.email } });
    expect(mail.text).toContain(
      "Isi pesan.\n\n--\nLPSE Kabupaten Contoh\nJl. Merdeka No. 1, Contoh\nTelp. (021) 555-0100 · lpse@contoh.go.id · https://lpse.contoh.go.id\n",
    );
  });
});

describe("setLpseLogo", () => {
  it("stores a PNG, serves it by its hash, and removes the old logo when replaced", async () => {
    const lpse = await makeLpse();
    const admin = await makeActor("ADMIN_LPSE");
    const png = tinyPng();
    const { sha256 } = await setLpseLogo(admin, file(png, "logo.png", "image/png"));
    const first = await db.lpseInstance.findUniqueOrThrow({ where: { id: lpse.id } });
    expect(first).toMatchObject({ logoMime: "image/png", logoSha256: sha256 });
    expect((await readLpseProfile()).logoUrl).toBe(`/api/lpse/logo/${sha256}`);
    expect(await findLpseLogo(sha256)).toEqual({ storageKey: first.logoStorageKey, mime: "image/png" });
    expect(await readAll(first.logoStorageKey!)).toEqual(png);
    // a JPEG named .png is judged by its bytes: a JPEG
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      Buffer.from("JFIF\0"),
      Buffer.alloc(64),
    ]);
    await setLpseLogo(admin, file(jpeg, "logo.png", "image/png"));
    const second = await db.lpseInstance.findUniqueOrThrow({ where: { id: lpse.id } });
    expect(second.logoMime).toBe("image/jpeg");
    await expect(readAll(first.logoStorageKey!)).rejects.toThrow();
    expect(await findLpseLogo(sha256)).toBeNull();
    expect(await findLpseLogo("../../etc/passwd")).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "lpse.profileChanged", entityId: lpse.id } })).toBe(2);
  });

  it("refuses an SVG with script, HTML named .png, an empty file and one over the limit, storing nothing", async () => {
    const lpse = await makeLpse();
    const admin = await makeActor("ADMIN_LPSE");
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    await expect(setLpseLogo(admin, file(Buffer.from(svg), "logo.svg", "image/svg+xml"))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { logo: ["lpseLogoType"] },
    });
    await expect(
      setLpseLogo(admin, file(Buffer.from("<html><script>alert(1)</script></html>"), "logo.png", "image/png")),
    ).rejects.toMatchObject({ fieldErrors: { logo: ["lpseLogoType"] } });
    await expect(setLpseLogo(admin, file(Buffer.alloc(0), "logo.png", "image/png"))).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(MAX_LOGO_BYTES)]);
    await expect(setLpseLogo(admin, file(huge, "logo.png", "image/png"))).rejects.toMatchObject({
      fieldErrors: { logo: ["lpseLogoTooLarge"] },
    });
    expect(await db.lpseInstance.findUniqueOrThrow({ where: { id: lpse.id } })).toMatchObject({ logoStorageKey: null });
    expect(await db.auditEvent.count()).toBe(0);
  });
});
