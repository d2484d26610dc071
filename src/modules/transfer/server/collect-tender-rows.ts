import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { encodeValue, type BundleData, type BundlePerson, type EncodedValue } from "../domain/bundle-format";
import { collectSeleksiRows } from "./collect-seleksi-rows";
import { UNCARRIED } from "./transfer-tables";

/** A client on the live database or on a restored one (`--database-url`). */
export type ExportClient = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** A stored object the rows name: its file-store key (`objects/<storageKey>`, `sealed/<storageKey>`) and the SHA-256 and size its row recorded. */
export interface BundleObject {
  storageKey: string;
  sha256: string;
  size: number;
}

export interface CollectedTender {
  tender: { id: string; code: string; status: string; name: string };
  data: BundleData;
  objects: BundleObject[];
}

/**
 * Why the tender cannot be exported, or null: a draft, an ended tender, one whose bids were
 * opened, or one with rows in a table the bundle does not carry. The page asks before it
 * offers the download; the export asks again inside its transaction.
 */
export async function exportRefusal(
  tx: Tx,
  tender: { id: string; code: string; status: string; openedAt: Date | null; openedKeyWrapped?: Uint8Array | null },
): Promise<AppError | null> {
  const code = tender.code;
  if (tender.status === "DRAFT") return new AppError("INVALID_STATE", "tenderExport.draft", { code });
  if (!["PUBLISHED", "EVALUATION", "AWARDED"].includes(tender.status))
    return new AppError("INVALID_STATE", "tenderExport.ended", { code, status: tender.status });
  // an AWARDED tender was opened too
  if (tender.openedAt || tender.openedKeyWrapped || tender.status === "AWARDED")
    return new AppError("INVALID_STATE", "tenderExport.opened", { code });
  const found: string[] = [];
  for (const check of UNCARRIED) if ((await check.count(tx, tender.id)) > 0) found.push(check.table);
  if (found.length > 0)
    return new AppError("INVALID_STATE", "tenderExport.uncarried", { code, tables: found.join(", ") });
  return null;
}

/**
 * Awaits the queries one after another: they share the transaction's one connection, on
 * which pg refuses overlapping queries (deprecated now, an error in pg 9). Prisma's queries
 * start only when awaited, so building them first is fine.
 */
async function inOrder<Q extends readonly unknown[]>(
  ...queries: Q
): Promise<{ -readonly [K in keyof Q]: Awaited<Q[K]> }> {
  const out: unknown[] = [];
  for (const query of queries) out.push(await query);
  return out as { -readonly [K in keyof Q]: Awaited<Q[K]> };
}

const rows = (list: readonly object[]) => list.map((row) => encodeValue(row) as Record<string, EncodedValue>);

/**
 * Every row of one tender the receiving instance needs (docs/decisions/0040), read in one
 * repeatable-read transaction so the bundle is one consistent moment. Refuses a tender in
 * DRAFT, an ended one, and one whose bids were opened: after the opening the tender's key is
 * wrapped under this instance's at-rest key (Tender.openedKeyWrapped), which never leaves the
 * machine, so the receiver could not read the bids (a known gap: such a tender stays here).
 */
export async function collectTenderRows(client: ExportClient, code: string): Promise<CollectedTender> {
  return client.$transaction((tx) => collect(tx, code), { isolationLevel: "RepeatableRead", timeout: 120_000 });
}

async function collect(tx: Tx, code: string): Promise<CollectedTender> {
  const tender = await tx.tender.findUnique({ where: { code } });
  if (!tender) throw new AppError("NOT_FOUND", "tenderExport.notFound", { code });
  const refusal = await exportRefusal(tx, tender);
  if (refusal) throw refusal;

  const id = tender.id;
  const paket = await tx.paket.findUniqueOrThrow({ where: { id: tender.paketId } });
  const [hpsItems, stages, scheduleChanges, documents, questions, participants, bids, bidFiles, sanggahs] =
    await inOrder(
      tx.hpsItem.findMany({ where: { paketId: paket.id }, orderBy: { position: "asc" } }),
      tx.tenderStage.findMany({ where: { tenderId: id }, orderBy: { position: "asc" } }),
      tx.scheduleChange.findMany({ where: { tenderId: id }, orderBy: { changedAt: "asc" } }),
      // the paket's and the tender's documents; addenda and sanggah evidence name the tender too
      tx.document.findMany({ where: { OR: [{ paketId: paket.id }, { tenderId: id }] }, orderBy: { createdAt: "asc" } }),
      tx.question.findMany({ where: { tenderId: id }, orderBy: { askedAt: "asc" } }),
      tx.tenderParticipant.findMany({ where: { tenderId: id }, orderBy: { registeredAt: "asc" } }),
      tx.bid.findMany({ where: { tenderId: id }, orderBy: { submittedAt: "asc" } }),
      tx.bidFile.findMany({ where: { tenderId: id }, orderBy: { uploadedAt: "asc" } }),
      // isAccepted is the previous release's column, kept equal to decision by a trigger (decision 0022)
      tx.sanggah.findMany({ where: { tenderId: id }, orderBy: { filedAt: "asc" }, omit: { isAccepted: true } }),
    );
  const bidIds = bids.map((b) => b.id);
  const [answers, defects, openingKey, keyShares, pokja, agency, workUnit, procedure, methodRule] = await inOrder(
    tx.answer.findMany({ where: { questionId: { in: questions.map((q) => q.id) } } }),
    tx.bidDefect.findMany({ where: { bidId: { in: bidIds } } }),
    tx.tenderOpeningKey.findUnique({ where: { tenderId: id } }),
    tx.tenderKeyShare.findMany({ where: { tenderId: id }, orderBy: { shareIndex: "asc" } }),
    tender.pokjaId ? tx.pokja.findUnique({ where: { id: tender.pokjaId }, include: { members: true } }) : null,
    tx.agency.findUniqueOrThrow({ where: { id: paket.agencyId } }),
    tx.workUnit.findUniqueOrThrow({ where: { id: paket.workUnitId } }),
    tx.procedureConfig.findUniqueOrThrow({ where: { id: tender.procedureId } }),
    paket.methodRuleId ? tx.methodRule.findUnique({ where: { id: paket.methodRuleId } }) : null,
  );
  // issue 15: the prakualifikasi, the price key and the evidence the applications name
  const sealing = bids.filter((b) => b.sealedQualification !== null).map((b) => b.vendorId);
  const seleksi = await collectSeleksiRows(tx, id, sealing);
  const keyHolders = [...keyShares, ...seleksi.priceKeyShares].map((s) => s.userId);
  const userOpeningKeys = await tx.userOpeningKey.findMany({ where: { userId: { in: keyHolders } } });

  // the companies: registered, bidding, asking, objecting or owning evidence
  const vendorIds = new Set<string>([
    ...participants.map((p) => p.vendorId),
    ...bids.map((b) => b.vendorId),
    ...bidFiles.map((f) => f.vendorId),
    ...questions.map((q) => q.vendorId),
    ...sanggahs.map((s) => s.vendorId),
    ...documents.flatMap((d) => (d.vendorId ? [d.vendorId] : [])),
    ...seleksi.applications.map((a) => a.vendorId),
  ]);
  // what the receiver needs to match a company by NPWP or create it; not who verified it here
  const vendors = await tx.vendor.findMany({
    where: { id: { in: [...vendorIds] } },
    select: {
      id: true,
      name: true,
      businessForm: true,
      npwp: true,
      nib: true,
      address: true,
      city: true,
      province: true,
      email: true,
      phone: true,
      kbli: true,
      status: true,
      submittedAt: true,
      verifiedAt: true,
      createdAt: true,
    },
    orderBy: { npwp: "asc" },
  });

  const roles = new Map<string, Set<string>>();
  const name = (userId: string | null | undefined, role: string) => {
    if (!userId) return;
    roles.set(userId, (roles.get(userId) ?? new Set()).add(role));
  };
  name(paket.createdById, "PPK");
  name(paket.pejabatPengadaanId, "PEJABAT_PENGADAAN");
  for (const m of pokja?.members ?? []) name(m.userId, "POKJA");
  for (const s of [...keyShares, ...seleksi.priceKeyShares]) name(s.userId, "KEY_HOLDER");
  for (const a of seleksi.applications) name(a.submittedById, "VENDOR");
  for (const a of seleksi.applications) name(a.decidedById, "PREQUALIFICATION_DECIDER");
  for (const q of questions) name(q.askedById, "ASKER");
  for (const a of answers) name(a.answeredById, "ANSWERER");
  for (const b of bids) name(b.submittedById, "VENDOR");
  for (const f of bidFiles) name(f.uploadedById, "VENDOR");
  for (const s of sanggahs) name(s.answeredById, "SANGGAH_ANSWERER");
  for (const d of [...documents, ...seleksi.evidence]) name(d.uploadedById, "UPLOADER");
  for (const c of scheduleChanges) name(c.changedById, "SCHEDULER");
  const vendorUsers = await tx.user.findMany({ where: { vendorId: { in: [...vendorIds] } }, select: { id: true } });
  for (const u of vendorUsers) name(u.id, "VENDOR");
  // only what identifies a person: never a password hash, TOTP secret, session or token
  const users = await tx.user.findMany({
    where: { id: { in: [...roles.keys()] } },
    select: { id: true, email: true, name: true, nip: true, vendorId: true },
    orderBy: { email: "asc" },
  });
  const people: BundlePerson[] = users.map((u) => ({ ...u, roles: [...roles.get(u.id)!].sort() }));

  const auditEvents = await auditEventsOf(tx, tender, [
    id,
    paket.id,
    ...stages.map((s) => s.id),
    ...scheduleChanges.map((c) => c.id),
    ...documents.map((d) => d.id),
    ...questions.map((q) => q.id),
    ...answers.map((a) => a.id),
    ...bidIds,
    ...bidFiles.map((f) => f.id),
    ...sanggahs.map((s) => s.id),
    ...seleksi.applications.map((a) => a.id),
  ]);

  const objects = new Map<string, BundleObject>();
  // the file store's own keys: documents under objects/, sealed bid files under sealed/
  // (src/server/storage.ts, bids' sealed-file-store.ts); a backup copies them by the same keys
  for (const d of [...documents, ...seleksi.evidence]) {
    const key = `objects/${d.storageKey}`;
    objects.set(key, { storageKey: key, sha256: d.sha256, size: Number(d.sizeBytes) });
  }
  for (const f of bidFiles) {
    const key = `sealed/${f.storageKey}`;
    objects.set(key, { storageKey: key, sha256: f.ciphertextSha256, size: Number(f.sizeBytes) });
  }

  const tables: BundleData["tables"] = {
    Agency: rows([agency]),
    WorkUnit: rows([workUnit]),
    ProcedureConfig: rows([procedure]),
    MethodRule: rows(methodRule ? [methodRule] : []),
    Paket: rows([paket]),
    HpsItem: rows(hpsItems),
    Tender: rows([tender]),
    TenderStage: rows(stages),
    ScheduleChange: rows(scheduleChanges),
    Document: rows([...documents, ...seleksi.evidence]),
    Question: rows(questions),
    Answer: rows(answers),
    Vendor: rows(vendors),
    TenderParticipant: rows(participants),
    Bid: rows(bids),
    BidFile: rows(bidFiles),
    BidDefect: rows(defects),
    TenderOpeningKey: rows(openingKey ? [openingKey] : []),
    TenderKeyShare: rows(keyShares),
    UserOpeningKey: rows(userOpeningKeys),
    Pokja: rows(pokja ? [{ ...pokja, members: undefined }] : []),
    PokjaMember: rows(pokja?.members ?? []),
    Sanggah: rows(sanggahs),
    PrequalificationApplication: rows(seleksi.applications),
    TenderPriceKey: rows(seleksi.priceKey ? [seleksi.priceKey] : []),
    TenderPriceKeyShare: rows(seleksi.priceKeyShares),
    AuditEvent: rows(auditEvents),
  };
  return {
    tender: { id, code: tender.code, status: tender.status, name: paket.name },
    data: { tables, people },
    objects: [...objects.values()].sort((a, b) => a.storageKey.localeCompare(b.storageKey)),
  };
}

/**
 * The tender's audit trail: every event about one of its rows, and every event whose data
 * names the tender (use cases record `tenderId` or `tenderCode` in the data; both are
 * indexed, migration 20261209700000_audit_filters). Oldest first, with their MACs.
 */
async function auditEventsOf(tx: Tx, tender: { id: string; code: string }, entityIds: string[]) {
  return tx.$queryRaw<object[]>`
    SELECT seq, "occurredAt", "actorId", "actorLabel", action, "entityType", "entityId", data, ip, "userAgent", mac
    FROM "AuditEvent"
    WHERE "entityId" = ANY(${entityIds}::text[])
       OR data->>'tenderId' = ${tender.id}
       OR data->>'tenderCode' = ${tender.code}
    ORDER BY seq`;
}
