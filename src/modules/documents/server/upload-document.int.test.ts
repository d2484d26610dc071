import { createHash } from "node:crypto";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makePaket, makeUser, PDF_BYTES } from "@/tests/factories";
import { db } from "@/server/db";
import { uploadDocument } from "./upload-document";

function storedObjects(): string[] {
  const dir = path.join(process.env.SEGEL_FILE_STORE!, "objects");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

async function ppkWithPaket() {
  const agency = await makeAgency();
  const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
  const paket = await makePaket(agency, ppk.id);
  return { agency, ppk: actorFor(ppk), paket };
}

describe("uploadDocument", () => {
  it("stores a PDF with its SHA-256, a Document row and an audit event", async () => {
    const { ppk, paket } = await ppkWithPaket();
    const doc = await uploadDocument(ppk, {
      target: { paketId: paket.id },
      kind: "KAK",
      fileName: "KAK Bendung.pdf",
      body: Readable.from([PDF_BYTES]),
    });
    expect(doc.sha256).toBe(createHash("sha256").update(PDF_BYTES).digest("hex"));
    expect(doc.mimeType).toBe("application/pdf");
    expect(storedObjects()).toHaveLength(1);
    const audit = await db.auditEvent.findFirst({ where: { action: "document.uploaded", entityId: doc.id } });
    expect(audit?.actorId).toBe(ppk.userId);
  });

  it("refuses a file whose content is not an accepted type, whatever its name, and keeps nothing", async () => {
    const { ppk, paket } = await ppkWithPaket();
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(2000, 1)]);
    await expect(
      uploadDocument(ppk, {
        target: { paketId: paket.id },
        kind: "KAK",
        fileName: "kak.pdf",
        body: Readable.from([exe]),
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", messageKey: "fileTypeNotAllowed" });
    expect(storedObjects()).toHaveLength(0);
    expect(await db.document.count()).toBe(0);
  });

  it("names a stored file by its detected type: a PDF sent as laporan.exe is kept and served as laporan.pdf", async () => {
    const { ppk, paket } = await ppkWithPaket();
    const doc = await uploadDocument(ppk, {
      target: { paketId: paket.id },
      kind: "KAK",
      fileName: "laporan.exe",
      body: Readable.from([PDF_BYTES]),
    });
    expect(doc).toMatchObject({ fileName: "laporan.pdf", mimeType: "application/pdf" });
    expect(await db.document.findUniqueOrThrow({ where: { id: doc.id }, select: { fileName: true } })).toEqual({
      fileName: "laporan.pdf",
    });
    // the audit trail keeps what the uploader called it
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "document.uploaded", entityId: doc.id } });
    expect(audit.data).toMatchObject({ fileName: "laporan.pdf", uploadedAs: "laporan.exe" });
  });

  it("leaves no file and no row when the upload is cut off halfway", async () => {
    const { ppk, paket } = await ppkWithPaket();
    // the first 40 bytes arrive, then the connection drops when the next chunk is asked for
    let sent = false;
    const body = new Readable({
      read() {
        if (sent) return void this.destroy(new Error("connection reset"));
        sent = true;
        this.push(PDF_BYTES.subarray(0, 40));
      },
    });
    await expect(
      uploadDocument(ppk, { target: { paketId: paket.id }, kind: "KAK", fileName: "kak.pdf", body }),
    ).rejects.toThrow("connection reset");
    expect(storedObjects()).toHaveLength(0);
    expect(readdirSync(path.join(process.env.SEGEL_FILE_STORE!, "tmp"))).toHaveLength(0);
    expect(await db.document.count()).toBe(0);
  });

  it("refuses a PPK of another agency before reading the upload", async () => {
    const { paket } = await ppkWithPaket();
    const other = await makeAgency();
    const stranger = actorFor(await makeUser([{ role: "PPK", agencyId: other.id }]));
    let read = false;
    const body = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    await expect(
      uploadDocument(stranger, { target: { paketId: paket.id }, kind: "KAK", fileName: "x.pdf", body }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(read).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "document.uploaded" } })).toBe(0);
  });

  it("refuses changes once the paket is in selection", async () => {
    const agency = await makeAgency();
    const ppk = await makeUser([{ role: "PPK", agencyId: agency.id }]);
    const paket = await makePaket(agency, ppk.id, { status: "IN_SELECTION" });
    await expect(
      uploadDocument(actorFor(ppk), {
        target: { paketId: paket.id },
        kind: "KAK",
        fileName: "x.pdf",
        body: Readable.from([PDF_BYTES]),
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
