import "server-only";
import { EVALUATED_BIDS } from "@/modules/evaluation";
import type { Tx } from "@/server/db";
import type { TenderSnapshot } from "../domain";
import { loadContractSnapshot } from "./load-contract-snapshot";

// The addenda module's audit action for a published addendum (addenda/server/find-tender-addenda.ts):
// its summary and time live in that event until an Addendum table exists.
const ADDENDUM_ACTION = "tender.addendumPublished";

const stageName = (kind: string) =>
  kind
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");

/**
 * What the public may know of a tender now, read in the caller's transaction with `select`s of
 * public fields only: bid counts only after the opening, names and prices only once a winner
 * was announced (procurement-domain.md: "Peserta 1, 2, …" until then), public documents only,
 * never an HPS item, a sealed price, a contact or a key. Besides the addenda and the award
 * reads, a handful of queries. Null for a draft (never published).
 */
export async function loadTenderSnapshot(tx: Tx, tenderId: string) {
  const tender = await tx.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      method: true,
      evaluationMethod: true,
      publishedAt: true,
      openedAt: true,
      announcedAt: true,
      sppbjIssuedAt: true,
      endReason: true,
      winnerBidId: true,
      paketId: true,
      paket: {
        select: {
          name: true,
          category: true,
          hps: true,
          fiscalYear: true,
          agency: { select: { id: true, name: true } },
        },
      },
      pokja: { select: { id: true, name: true } },
      stages: { orderBy: { position: "asc" }, select: { kind: true, startsAt: true, endsAt: true } },
      scheduleChanges: {
        orderBy: { changedAt: "asc" },
        select: {
          id: true,
          changedAt: true,
          reason: true,
          oldStartsAt: true,
          oldEndsAt: true,
          newStartsAt: true,
          newEndsAt: true,
          stage: { select: { kind: true } },
        },
      },
      previousTender: { select: { code: true } },
      transfer: { select: { destinationName: true, destinationUrl: true } },
      awardWithdrawals: {
        orderBy: { announcedAt: "asc" },
        select: {
          announcedAt: true,
          withdrawnAt: true,
          winnerBid: {
            select: { correctedPrice: true, openedPrice: true, vendor: { select: { id: true, name: true } } },
          },
        },
      },
    },
  });
  if (!tender || tender.status === "DRAFT") return null;

  const documents = await tx.document.findMany({
    where: {
      isPublic: true,
      sanggahId: null,
      vendorId: null,
      OR: [{ tenderId: tender.id }, { paketId: tender.paketId }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, fileName: true, mimeType: true, sha256: true, createdAt: true },
  });
  const addenda = await tx.auditEvent.findMany({
    where: { action: ADDENDUM_ACTION, entityType: "Tender", entityId: tender.id },
    orderBy: { seq: "asc" },
    select: { occurredAt: true, data: true },
  });
  const opened = tender.openedAt !== null;
  const revealed = tender.announcedAt !== null || tender.awardWithdrawals.length > 0;
  const bidCount = opened ? await tx.bid.count({ where: { tenderId, status: "SUBMITTED" } }) : null;
  const evaluated = revealed
    ? await tx.bid.findMany({
        where: { tenderId, ...EVALUATED_BIDS },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          rank: true,
          correctedPrice: true,
          openedPrice: true,
          vendor: { select: { id: true, name: true } },
        },
      })
    : [];
  const hasBanding = revealed ? (await tx.sanggah.count({ where: { tenderId, kind: "SANGGAH_BANDING" } })) > 0 : false;

  const awards: TenderSnapshot["awards"] = tender.awardWithdrawals.map((w) => ({
    supplier: w.winnerBid.vendor,
    value: w.winnerBid.correctedPrice ?? w.winnerBid.openedPrice,
    announcedAt: w.announcedAt,
    withdrawnAt: w.withdrawnAt,
  }));
  const winner = evaluated.find((b) => b.id === tender.winnerBidId);
  if (tender.announcedAt && winner)
    awards.push({
      supplier: winner.vendor,
      value: winner.correctedPrice ?? winner.openedPrice,
      announcedAt: tender.announcedAt,
      withdrawnAt: null,
    });

  const amendments: TenderSnapshot["amendments"] = [
    ...tender.scheduleChanges.map((c) => ({
      id: `jadwal-${c.id}`,
      date: c.changedAt,
      rationale: c.reason,
      description: `Jadwal ${stageName(c.stage.kind)}: ${c.oldStartsAt.toISOString()}/${c.oldEndsAt.toISOString()} menjadi ${c.newStartsAt.toISOString()}/${c.newEndsAt.toISOString()}`,
    })),
    ...addenda.map((e, i) => {
      const data = e.data as { documentId?: string; fileName?: string; summary?: string };
      return {
        id: `adendum-${data.documentId ?? i + 1}`,
        date: e.occurredAt,
        rationale: data.summary ?? `Adendum ${i + 1}`,
        description: `Adendum ${i + 1}${data.fileName ? `: ${data.fileName}` : ""}`,
      };
    }),
  ].sort((a, b) => a.date.getTime() - b.date.getTime());

  const snapshot: TenderSnapshot = {
    id: tender.id,
    code: tender.code,
    name: tender.paket.name,
    status: tender.status,
    method: tender.method,
    category: tender.paket.category,
    evaluationMethod: tender.evaluationMethod,
    hps: tender.paket.hps,
    agency: { id: tender.paket.agency.id, name: tender.paket.agency.name },
    pokja: tender.pokja,
    stages: tender.stages,
    documents,
    amendments,
    publishedAt: tender.publishedAt,
    openedAt: tender.openedAt,
    sppbjIssuedAt: tender.sppbjIssuedAt,
    endReason: tender.endReason,
    bidCount,
    validBidCount: revealed ? evaluated.filter((b) => b.rank !== null).length : null,
    tenderers: revealed ? evaluated.map((b) => b.vendor) : null,
    awards,
    hasBanding,
    previousTenderCode: tender.previousTender?.code ?? null,
    transferredTo: tender.transfer
      ? { name: tender.transfer.destinationName, url: tender.transfer.destinationUrl }
      : null,
    contract: tender.sppbjIssuedAt ? await loadContractSnapshot(tx, tender.id) : null,
  };
  return {
    snapshot,
    agencyId: tender.paket.agency.id,
    fiscalYear: tender.paket.fiscalYear,
    hadAnnouncement: tender.awardWithdrawals.length > 0,
  };
}
