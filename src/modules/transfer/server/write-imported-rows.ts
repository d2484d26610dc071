import "server-only";
import type { Tx } from "@/server/db";
import { signProvenFile } from "@/modules/bids";
import type { BundleData } from "../domain/bundle-format";
import { decodeRow } from "./match-people";
import { writeSanggahs, writeSeleksiRows } from "./write-seleksi-rows";

/** Columns kept as received: a Json column's own objects are not bundle encodings. */
const JSON_COLUMNS: Record<string, readonly string[]> = {
  Bid: ["receipt"],
  AuditEvent: ["data"],
  ProcedureConfig: ["stages"],
  Tender: ["qualificationRequirements"],
  PrequalificationApplication: ["form"],
};

export type Row = Record<string, unknown>;

export function tableRows(data: BundleData, table: string): Row[] {
  return (data.tables[table] ?? []).map((r) => decodeRow(r, JSON_COLUMNS[table] ?? []));
}

/** How source ids become local ones; a missing person or vendor is the bundle's fault. */
export interface IdMaps {
  user: (id: string) => string;
  userOrNull: (id: string | null | undefined) => string | null;
  vendor: (id: string) => string;
  agencyId: string;
  workUnitId: string;
  pokjaId: string | null;
  procedureId: string;
  methodRuleId: string | null;
}

const s = (v: unknown) => v as string;
const sn = (v: unknown) => (v ?? null) as string | null;
const d = (v: unknown) => v as Date;
const dn = (v: unknown) => (v ?? null) as Date | null;

/**
 * Every row of the tender but the lifecycle columns (the caller applies the `imported`
 * event through the one writer), ids kept, people and companies mapped. In the import's
 * transaction; the order follows the foreign keys.
 */
export async function writeImportedRows(tx: Tx, data: BundleData, ids: IdMaps): Promise<void> {
  const paket = tableRows(data, "Paket")[0]!;
  await tx.paket.create({
    data: {
      id: s(paket.id),
      agencyId: ids.agencyId,
      workUnitId: ids.workUnitId,
      rupCode: s(paket.rupCode),
      name: s(paket.name),
      category: paket.category as never,
      fiscalYear: paket.fiscalYear as number,
      fundingSource: s(paket.fundingSource),
      pagu: paket.pagu as bigint,
      hps: (paket.hps ?? null) as bigint | null,
      method: (paket.method ?? null) as never,
      methodRuleId: ids.methodRuleId,
      location: s(paket.location),
      status: paket.status as never,
      createdById: ids.user(s(paket.createdById)),
      createdAt: d(paket.createdAt),
    },
  });
  const hpsItems = tableRows(data, "HpsItem");
  if (hpsItems.length > 0)
    await tx.hpsItem.createMany({
      data: hpsItems.map((h) => ({
        id: s(h.id),
        paketId: s(h.paketId),
        position: h.position as number,
        description: s(h.description),
        unit: s(h.unit),
        quantity: h.quantity as number,
        unitPrice: h.unitPrice as bigint,
      })),
    });

  const t = tableRows(data, "Tender")[0]!;
  // status, stamps and the worker's next look stay as the defaults (DRAFT): the lifecycle writer sets them
  await tx.tender.create({
    data: {
      id: s(t.id),
      paketId: s(t.paketId),
      code: s(t.code),
      method: t.method as never,
      evaluationMethod: (t.evaluationMethod ?? null) as never,
      pokjaId: ids.pokjaId,
      procedureId: ids.procedureId,
      qualification: sn(t.qualification),
      requiredKbli: (t.requiredKbli ?? []) as string[],
      requiredPermits: (t.requiredPermits ?? []) as string[],
      technicalWeight: (t.technicalWeight ?? null) as number | null,
      priceWeight: (t.priceWeight ?? null) as number | null,
      bidSecurityAmount: (t.bidSecurityAmount ?? null) as bigint | null,
      openingPublicKey: sn(t.openingPublicKey),
      // issue 15 (bundle version 2; a version 1 bundle leaves the defaults): the parts, the
      // structured requirements (checked by plan-import.ts), the seleksi's passing grade and the
      // price envelope's public key. The prakualifikasi round and the shortlist's announcement
      // are lifecycle columns: import-tender.ts replays them through the one writer.
      bidParts: (t.bidParts ?? []) as never,
      qualificationRequirements: (t.qualificationRequirements ?? undefined) as never,
      technicalPassingGrade: (t.technicalPassingGrade ?? null) as number | null,
      pricePublicKey: sn(t.pricePublicKey),
      createdAt: d(t.createdAt),
    },
  });
  await many(tx.tenderStage, tableRows(data, "TenderStage"), (r) => ({
    id: s(r.id),
    tenderId: s(r.tenderId),
    kind: r.kind as never,
    position: r.position as number,
    startsAt: d(r.startsAt),
    endsAt: d(r.endsAt),
    minHours: r.minHours as number,
  }));
  await many(tx.scheduleChange, tableRows(data, "ScheduleChange"), (r) => ({
    id: s(r.id),
    tenderId: s(r.tenderId),
    stageId: s(r.stageId),
    oldStartsAt: d(r.oldStartsAt),
    oldEndsAt: d(r.oldEndsAt),
    newStartsAt: d(r.newStartsAt),
    newEndsAt: d(r.newEndsAt),
    reason: s(r.reason),
    changedById: ids.userOrNull(sn(r.changedById)),
    changedAt: d(r.changedAt),
  }));
  // before the documents: a sanggah's evidence names it (with its tender and vendor)
  await writeSanggahs(tx, data, ids);
  await many(tx.document, tableRows(data, "Document"), (r) => ({
    id: s(r.id),
    kind: r.kind as never,
    fileName: s(r.fileName),
    mimeType: s(r.mimeType),
    sizeBytes: r.sizeBytes as bigint,
    sha256: s(r.sha256),
    storageKey: s(r.storageKey),
    isPublic: r.isPublic as boolean,
    paketId: sn(r.paketId),
    tenderId: sn(r.tenderId),
    vendorId: r.vendorId ? ids.vendor(s(r.vendorId)) : null,
    sanggahId: sn(r.sanggahId),
    uploadedById: ids.userOrNull(sn(r.uploadedById)),
    createdAt: d(r.createdAt),
  }));
  await many(tx.tenderParticipant, tableRows(data, "TenderParticipant"), (r) => ({
    tenderId: s(r.tenderId),
    vendorId: ids.vendor(s(r.vendorId)),
    registeredAt: d(r.registeredAt),
  }));
  await many(tx.question, tableRows(data, "Question"), (r) => ({
    id: s(r.id),
    tenderId: s(r.tenderId),
    vendorId: ids.vendor(s(r.vendorId)),
    askedById: ids.user(s(r.askedById)),
    body: s(r.body),
    askedAt: d(r.askedAt),
  }));
  await many(tx.answer, tableRows(data, "Answer"), (r) => ({
    id: s(r.id),
    questionId: s(r.questionId),
    body: s(r.body),
    answeredById: ids.user(s(r.answeredById)),
    answeredAt: d(r.answeredAt),
  }));
  await many(tx.bid, tableRows(data, "Bid"), (r) => ({
    id: s(r.id),
    tenderId: s(r.tenderId),
    vendorId: ids.vendor(s(r.vendorId)),
    submittedById: ids.user(s(r.submittedById)),
    status: r.status as never,
    idempotencyKey: s(r.idempotencyKey),
    sealedPrice: r.sealedPrice as Uint8Array<ArrayBuffer>,
    priceCommitment: s(r.priceCommitment),
    submittedAt: d(r.submittedAt),
    receivedAt: dn(r.receivedAt),
    receipt: r.receipt as never,
    receiptSignature: s(r.receiptSignature),
    replacedById: sn(r.replacedById),
    withdrawnAt: dn(r.withdrawnAt),
    // issue 15: the pakta integritas and the sealed qualification form travel with the bid
    // (its commitment is on the receipt the source LPSE signed)
    integrityPactAt: dn(r.integrityPactAt),
    sealedQualification: (r.sealedQualification ?? null) as Uint8Array<ArrayBuffer> | null,
    qualificationCommitment: sn(r.qualificationCommitment),
  }));
  const files = [];
  for (const r of tableRows(data, "BidFile")) {
    const fields = {
      id: s(r.id),
      tenderId: s(r.tenderId),
      vendorId: ids.vendor(s(r.vendorId)),
      part: s(r.part),
      mimeType: s(r.mimeType),
      sizeBytes: r.sizeBytes as bigint,
      commitment: s(r.commitment),
      ciphertextSha256: s(r.ciphertextSha256),
      storageKey: s(r.storageKey),
      wrappedKey: r.wrappedKey as Uint8Array<ArrayBuffer>,
      iv: r.iv as Uint8Array<ArrayBuffer>,
      authTag: r.authTag as Uint8Array<ArrayBuffer>,
    };
    // the upload-time proof's MAC is keyed by the source's instance key: vouched for by the
    // bundle's signature, it is recomputed here under this instance's key (the vendor id changed too)
    const proofMac = r.proofMac ? new Uint8Array(await signProvenFile(fields)) : null;
    files.push({
      ...fields,
      part: fields.part as never,
      bidId: sn(r.bidId),
      uploadedById: ids.user(s(r.uploadedById)),
      uploadedAt: d(r.uploadedAt),
      proofMac,
    });
  }
  if (files.length > 0) await tx.bidFile.createMany({ data: files });
  await many(tx.tenderOpeningKey, tableRows(data, "TenderOpeningKey"), (r) => ({
    tenderId: s(r.tenderId),
    publicKey: s(r.publicKey),
    threshold: r.threshold as number,
    createdAt: d(r.createdAt),
  }));
  await many(tx.tenderKeyShare, tableRows(data, "TenderKeyShare"), (r) => ({
    tenderId: s(r.tenderId),
    userId: ids.user(s(r.userId)),
    shareIndex: r.shareIndex as number,
    sealedShare: r.sealedShare as Uint8Array<ArrayBuffer>,
  }));
  await writeSeleksiRows(tx, data, ids);
  await many(tx.importedAuditEvent, tableRows(data, "AuditEvent"), (r) => ({
    tenderId: s(t.id),
    sourceSeq: r.seq as bigint,
    action: s(r.action),
    entityType: s(r.entityType),
    entityId: s(r.entityId),
    actorLabel: sn(r.actorLabel),
    data: (r.data ?? {}) as never,
    occurredAt: d(r.occurredAt),
  }));
}

export async function many<T>(
  delegate: { createMany(args: { data: T[] }): Promise<unknown> },
  rows: Row[],
  map: (r: Row) => T,
) {
  if (rows.length > 0) await delegate.createMany({ data: rows.map(map) });
}
