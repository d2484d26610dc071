import { randomUUID } from "node:crypto";
import { db } from "@/server/db";

/** A vendor document row (no file in the store: the checklist only needs the row). */
export async function makeVendorDocument(vendorId: string, fileName = "akta.pdf") {
  return db.document.create({
    data: {
      kind: "DOKUMEN_PENYEDIA",
      vendorId,
      fileName,
      mimeType: "application/pdf",
      sizeBytes: 1024n,
      sha256: "0".repeat(64),
      storageKey: `uji/${randomUUID()}`,
    },
    select: { id: true },
  });
}

/**
 * What the verification checklist asks for, added to a vendor made by the factory (which
 * has an NPWP and a NIB): a KBLI, a deed of establishment and a permit in force, each with
 * its document, and a direksi.
 */
export async function completeVendorProfile(vendorId: string) {
  await db.vendor.update({ where: { id: vendorId }, data: { kbli: ["42101"] } });
  const deedScan = await makeVendorDocument(vendorId, "akta-pendirian.pdf");
  const permitScan = await makeVendorDocument(vendorId, "sertifikat-standar.pdf");
  const deed = await db.vendorDeed.create({
    data: {
      vendorId,
      kind: "Akta Pendirian",
      number: "12",
      date: new Date("2015-03-02T00:00:00+07:00"),
      notary: "Notaris Uji, S.H.",
      documentId: deedScan.id,
    },
  });
  const permit = await db.vendorPermit.create({
    data: { vendorId, kind: "Sertifikat Standar", number: "SS-1", issuedBy: "OSS", documentId: permitScan.id },
  });
  const person = await db.vendorPerson.create({
    data: { vendorId, kind: "DIREKSI", name: "Direktur Uji", position: "Direktur Utama" },
  });
  return { deed, permit, person, deedScan, permitScan };
}
