import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { actorFor, makeAgency, makeUser, PDF_BYTES } from "@/tests/factories";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { db } from "@/server/db";
import { findNonTenderRecords } from "./find-non-tender-records";
import { getNonTenderRecord } from "./get-non-tender-record";
import { publishNonTenderDocuments } from "./publish-non-tender-documents";
import { recordNonTender } from "./record-non-tender";

async function recordWithDocument() {
  const agency = await makeAgency();
  const ppk = actorFor(await makeUser([{ role: "PPK", agencyId: agency.id }]));
  const { id } = await recordNonTender(ppk, {
    workUnitId: agency.workUnits[0]!.id,
    name: "Perbaikan tanggul darurat",
    category: "PEKERJAAN_KONSTRUKSI",
    kind: "DARURAT",
    reason: "Tanggul jebol; penanganan darurat menurut Perlem LKPP 6/2024.",
    value: 300_000_000n,
    vendorName: "CV Tanggul Jaya",
    realizedOn: "2026-01-05",
  });
  const doc = await uploadDocument(ppk, {
    target: { nonTenderRecordId: id },
    kind: "BERITA_ACARA",
    fileName: "BA.pdf",
    body: Readable.from([PDF_BYTES]),
  });
  return { agency, ppk, recordId: id, documentId: doc.id };
}

describe("publishNonTenderDocuments", () => {
  it("makes the record's documents public and records it; the public detail then lists them", async () => {
    const { ppk, recordId, documentId } = await recordWithDocument();
    expect((await getNonTenderRecord(null, recordId)).documents).toHaveLength(0);
    expect(await publishNonTenderDocuments(ppk, { nonTenderRecordId: recordId })).toEqual({ published: 1 });
    expect((await db.document.findUniqueOrThrow({ where: { id: documentId } })).isPublic).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: "nonTender.documentsPublished", entityId: recordId },
    });
    expect(audit?.data).toEqual({ documentIds: [documentId] });
    const detail = await getNonTenderRecord(null, recordId);
    expect(detail.documents.map((d) => d.id)).toEqual([documentId]);
    expect(detail).toMatchObject({ canManage: false, kind: "DARURAT", reason: expect.stringContaining("Tanggul") });
    expect(detail).not.toHaveProperty("recordedById");
    // nothing left to publish: no second audit event
    expect(await publishNonTenderDocuments(ppk, { nonTenderRecordId: recordId })).toEqual({ published: 0 });
    expect(await db.auditEvent.count({ where: { action: "nonTender.documentsPublished" } })).toBe(1);
  });

  it("refuses a PPK of another agency; the document stays private", async () => {
    const { recordId, documentId } = await recordWithDocument();
    const stranger = actorFor(await makeUser([{ role: "PPK", agencyId: (await makeAgency()).id }]));
    await expect(publishNonTenderDocuments(stranger, { nonTenderRecordId: recordId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await db.document.findUniqueOrThrow({ where: { id: documentId } })).isPublic).toBe(false);
  });
});

describe("findNonTenderRecords", () => {
  it("pages the public list", async () => {
    const { recordId } = await recordWithDocument();
    const { records, page, pageCount, total } = await findNonTenderRecords({ page: 9 });
    expect({ page, pageCount, total }).toEqual({ page: 1, pageCount: 1, total: 1 });
    expect(records[0]).toMatchObject({ id: recordId, kind: "DARURAT", value: 300_000_000n });
  });
});
