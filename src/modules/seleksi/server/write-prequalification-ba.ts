import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { getLpseLetterhead } from "@/modules/lpse";
import type { Tx } from "@/server/db";
import { storeGeneratedPdf } from "@/server/pdf";
import type { PrequalificationOutcome } from "../domain";
import { outcomeRuleText } from "../domain/outcome-text";
import { renderBeritaAcaraPrakualifikasi, type PrequalificationRecord } from "./berita-acara-prakualifikasi";
import { pokjaUserIdsOf, type SeleksiTender } from "./seleksi-context";

export interface ConcludedRound {
  applications: readonly {
    id: string;
    vendorId: string;
    passed: boolean | null;
    score: number | null;
    reason: string | null;
    submittedAt: Date;
    decidedById: string | null;
    decidedAt: Date | null;
  }[];
  /** application ids, best rank first */
  shortlist: readonly string[];
  outcome: PrequalificationOutcome["kind"];
  passing: number;
  reason: string | null;
  now: Date;
}

/**
 * Draws the Berita Acara Hasil Prakualifikasi from the decisions as recorded and stores it in
 * the conclusion's transaction, as the award's BA hasil is stored: kind BERITA_ACARA, not
 * public, so the agency's staff and the tender's participants (every applicant) may read it
 * (documents module). Returns the document (its id and SHA-256 go into the conclusion's audit
 * event) and `discard`, for the caller to remove the file if the transaction fails.
 */
export async function writePrequalificationBa(tx: Tx, actor: Actor, tender: SeleksiTender, round: ConcludedRound) {
  const details = await tx.tender.findUniqueOrThrow({
    where: { id: tender.id },
    select: {
      procedure: { select: { name: true } },
      paket: { select: { agency: { select: { name: true, lpse: { select: { name: true } } } } } },
    },
  });
  const memberIds = pokjaUserIdsOf(tender);
  const userIds = [...memberIds, actor.userId, ...round.applications.map((a) => a.decidedById ?? actor.userId)];
  // one after the other: a transaction is one connection, which runs one query at a time
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const vendors = await tx.vendor.findMany({
    where: { id: { in: round.applications.map((a) => a.vendorId) } },
    select: { id: true, name: true },
  });
  const userName = (id: string | null) => users.find((u) => u.id === id)?.name ?? id ?? "-";
  const vendorName = (id: string) => vendors.find((v) => v.id === id)?.name ?? id;
  const byId = new Map(round.applications.map((a) => [a.id, a]));
  const record: PrequalificationRecord = {
    lpseName: details.paket.agency.lpse.name,
    tenderCode: tender.code,
    paketName: tender.paket.name,
    agencyName: details.paket.agency.name,
    procedureName: details.procedure.name,
    timeZone: tender.paket.agency.timeZone,
    basis: tender.procedure.seleksiBasis,
    round: tender.prequalificationRound,
    concludedAt: round.now.toISOString(),
    concludedBy: userName(actor.userId),
    outcome: round.outcome,
    rule: outcomeRuleText(round.outcome, round.passing, tender.procedure),
    reason: round.reason,
    applicants: [...round.applications]
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id))
      .map((a) => ({
        vendorName: vendorName(a.vendorId),
        submittedAt: a.submittedAt.toISOString(),
        passed: a.passed === true,
        score: a.score,
        reason: a.reason,
        decidedBy: userName(a.decidedById),
        decidedAt: a.decidedAt?.toISOString() ?? null,
      })),
    shortlist: round.shortlist.map((id) => vendorName(byId.get(id)!.vendorId)),
    members: memberIds.map((id) => ({ name: userName(id), concluded: id === actor.userId })),
  };
  const pdf = await renderBeritaAcaraPrakualifikasi(record, await getLpseLetterhead(tx));
  const stored = await storeGeneratedPdf(tx, {
    kind: "BERITA_ACARA",
    fileName: `BA-Hasil-Prakualifikasi-${tender.code}-babak-${record.round}.pdf`,
    bytes: pdf,
    tenderId: tender.id,
    isPublic: false,
    uploadedById: actor.userId,
  });
  return { ...stored, rule: record.rule };
}
