import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getDocumentForDownload } from "@/modules/documents/server/get-document-for-download";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { db } from "@/server/db";
import { actorFor, makeActor, makeAgency, makeVendor, makeVendorUser, PDF_BYTES } from "@/tests/factories";

// The documents module's vendor target and the Verifikator's download, seen from the vendors' side.
const upload = (
  actor: Parameters<typeof uploadDocument>[0],
  vendorId: string,
  kind: "DOKUMEN_PENYEDIA" | "KAK" = "DOKUMEN_PENYEDIA",
) =>
  uploadDocument(actor, {
    target: { vendorId },
    kind,
    fileName: "Akta Pendirian.pdf",
    body: Readable.from([PDF_BYTES]),
  });

describe("vendor documents", () => {
  it("a PENYEDIA user attaches a private document to their own company", async () => {
    const vendor = await makeVendor({ status: "PENDING" });
    const doc = await upload(actorFor(await makeVendorUser(vendor)), vendor.id);
    expect(
      await db.document.findUniqueOrThrow({
        where: { id: doc.id },
        select: { vendorId: true, isPublic: true, kind: true },
      }),
    ).toEqual({ vendorId: vendor.id, isPublic: false, kind: "DOKUMEN_PENYEDIA" });
  });

  it("refuses another company's user, a Verifikator, and another kind of document", async () => {
    const vendor = await makeVendor();
    const stranger = actorFor(await makeVendorUser(await makeVendor()));
    await expect(upload(stranger, vendor.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(upload(await makeActor("VERIFIKATOR"), vendor.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(upload(actorFor(await makeVendorUser(vendor)), vendor.id, "KAK")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "documentKindNotAllowed",
    });
    expect(await db.document.count()).toBe(0);
  });

  it("the company, a Verifikator and an auditor may download it; another company, a PPK and the public may not", async () => {
    const vendor = await makeVendor({ status: "PENDING" });
    const owner = actorFor(await makeVendorUser(vendor));
    const doc = await upload(owner, vendor.id);
    for (const actor of [owner, await makeActor("VERIFIKATOR"), await makeActor("AUDITOR")]) {
      expect((await getDocumentForDownload(actor, doc.id)).sha256).toBe(doc.sha256);
    }
    const stranger = actorFor(await makeVendorUser(await makeVendor()));
    for (const actor of [stranger, await makeActor("PPK", (await makeAgency()).id), null]) {
      await expect(getDocumentForDownload(actor, doc.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
