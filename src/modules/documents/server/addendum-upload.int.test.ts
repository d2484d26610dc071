import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { makeQaTender, PDF_BYTES, registerParticipant } from "@/tests/factories";
import { db } from "@/server/db";
import { uploadDocument } from "./upload-document";

const upload = (actor: Parameters<typeof uploadDocument>[0], tenderId: string) =>
  uploadDocument(actor, {
    target: { tenderId },
    kind: "ADENDUM",
    fileName: "adendum.pdf",
    body: Readable.from([PDF_BYTES]),
  });

describe("uploading an ADENDUM to an announced tender", () => {
  it("lets a Pokja member of the tender attach it before the bid deadline; it is public at once", async () => {
    const { tender, pokja } = await makeQaTender();
    const doc = await upload(pokja, tender.id);
    expect(
      await db.document.findUniqueOrThrow({
        where: { id: doc.id },
        select: { kind: true, tenderId: true, isPublic: true },
      }),
    ).toEqual({ kind: "ADENDUM", tenderId: tender.id, isPublic: true });
  });

  it("refuses at the bid deadline by the database clock", async () => {
    const { tender, pokja } = await makeQaTender({
      stages: [
        ["PENGUMUMAN", -48, -24],
        ["UPLOAD_PENAWARAN", -24, 0],
      ],
    });
    await expect(upload(pokja, tender.id)).rejects.toMatchObject({
      code: "INVALID_STATE",
      messageKey: "addendumAfterDeadline",
    });
    expect(await db.document.count()).toBe(0);
  });

  it("refuses a draft tender, another tender's Pokja and a vendor", async () => {
    const { tender, pokja } = await makeQaTender();
    const other = await makeQaTender();
    const { penyedia } = await registerParticipant(tender.id);
    await expect(upload(other.pokja, tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(upload(penyedia, tender.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.tender.update({ where: { id: tender.id }, data: { status: "DRAFT", publishedAt: null } });
    await expect(upload(pokja, tender.id)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await db.document.count()).toBe(0);
  });
});
