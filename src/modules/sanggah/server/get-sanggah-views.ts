import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import { answerRoundStart, isInAnswerRound } from "../domain/answer-round";
import { WITHDRAWAL_SELECT } from "./find-award-withdrawals";
import { sppbjBlockers } from "../domain/closing";
import { checkBandingFiling, checkSanggahFiling } from "../domain/filing-rules";
import {
  answerDeadline,
  bandingAnswerDeadline,
  bandingBond,
  bandingWindow,
  filingWindow,
  isOpen,
  withStageEnds,
} from "../domain/windows";

const SANGGAH_FIELDS = {
  id: true,
  kind: true,
  vendorId: true,
  appealOfId: true,
  body: true,
  bondAmount: true,
  filedAt: true,
  answer: true,
  answeredAt: true,
  decision: true,
  vendor: { select: { name: true } },
  documents: { select: { id: true, fileName: true } },
} as const;

/** The tender, its sanggah rules and every sanggah, for the pages; the callers check access. */
async function loadTender(tenderId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(tenderId)) throw new AppError("NOT_FOUND");
  const tender = await db.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      announcedAt: true,
      sppbjIssuedAt: true,
      previousTender: { select: { status: true } },
      procedure: {
        select: {
          sanggahDays: true,
          sanggahAnswerDays: true,
          hasSanggahBanding: true,
          bandingDays: true,
          bandingAnswerDays: true,
          hasPrakualifikasi: true,
        },
      },
      stages: { where: { kind: { in: ["MASA_SANGGAH", "SANGGAH_BANDING"] } }, select: { kind: true, endsAt: true } },
      paket: { select: { name: true, hps: true, agencyId: true, agency: { select: { timeZone: true } } } },
      sanggahs: { orderBy: { filedAt: "asc" }, select: SANGGAH_FIELDS },
      documents: { where: { kind: "SPPBJ" }, select: { id: true, fileName: true } },
      awardWithdrawals: { orderBy: { withdrawnAt: "asc" }, select: WITHDRAWAL_SELECT },
    },
  });
  if (!tender) throw new AppError("NOT_FOUND");
  const now = await dbNow();
  // a stage compensation or a Pokja's change moved later closes the window later (issue 13)
  const rules = withStageEnds(tender.procedure, tender.stages);
  // the round in force, or the withdrawn one while the tender is re-evaluated (answer-round.ts);
  // the objections of earlier announcements are history: shown, no longer blocking
  const lastWithdrawal = tender.awardWithdrawals.at(-1) ?? null;
  const roundStart = answerRoundStart(tender, lastWithdrawal);
  const round = tender.sanggahs.filter((s) => isInAnswerRound(s.filedAt, roundStart));
  const history = tender.sanggahs.filter((s) => !isInAnswerRound(s.filedAt, roundStart));
  const isReevaluating = tender.status === "EVALUATION" && tender.announcedAt === null && lastWithdrawal !== null;
  const windows = tender.announcedAt
    ? { filing: filingWindow(tender.announcedAt, rules), answerDeadline: answerDeadline(tender.announcedAt, rules) }
    : null;
  const blockers = tender.status === "AWARDED" ? sppbjBlockers(tender.announcedAt, rules, round, now) : [];
  const info = {
    id: tender.id,
    code: tender.code,
    name: tender.paket.name,
    status: tender.status,
    timeZone: tender.paket.agency.timeZone,
    hasSanggahBanding: rules.hasSanggahBanding,
    // a seleksi's firms proved their qualification in the prakualifikasi: no pembuktian to reopen
    hasPrakualifikasi: tender.procedure.hasPrakualifikasi,
  };
  return {
    tender,
    info,
    rules,
    round,
    history,
    windows,
    blockers,
    now,
    roundStart,
    withdrawals: tender.awardWithdrawals,
    isReevaluating,
  };
}

const withDeadlines = <S extends { kind: string; filedAt: Date }>(
  s: S,
  rules: Parameters<typeof bandingAnswerDeadline>[1],
) => ({
  ...s,
  answerDeadline: s.kind === "SANGGAH_BANDING" ? bandingAnswerDeadline(s.filedAt, rules) : null,
});

/** A bidder's page: the windows, whether it may file, its own sanggah, their answers and banding. */
export async function getVendorSanggahView(actor: Actor, tenderId: string) {
  const vendorId = actor.vendorId;
  if (!vendorId || !can(actor, "sanggah.file")) throw new AppError("NOT_FOUND");
  const { tender, info, rules, round, history, windows, now, withdrawals, isReevaluating } = await loadTender(tenderId);
  const isBidder = (await db.bid.count({ where: { tenderId, vendorId, status: "SUBMITTED" } })) > 0;
  const own = round.filter((s) => s.vendorId === vendorId);
  const isFilingOpen = tender.status === "AWARDED" && checkSanggahFiling(tender.announcedAt, rules, now).ok;
  const canFile = isBidder && isFilingOpen && !own.some((s) => s.kind === "SANGGAH");
  const sanggahs = own
    .filter((s) => s.kind === "SANGGAH")
    .map((s) => {
      const banding = own.find((b) => b.appealOfId === s.id) ?? null;
      const check = tender.announcedAt
        ? checkBandingFiling({ ...s, hasBanding: banding !== null }, tender.announcedAt, rules, now)
        : null;
      const window = s.answeredAt && tender.announcedAt ? bandingWindow(s.answeredAt, tender.announcedAt, rules) : null;
      return {
        ...s,
        banding: banding ? withDeadlines(banding, rules) : null,
        bandingWindow: window,
        isBandingOpen: tender.status === "AWARDED" && window !== null && isOpen(window, now),
        canFileBanding: tender.status === "AWARDED" && check?.ok === true,
      };
    });
  const earlier = history.filter((s) => s.vendorId === vendorId).map((s) => withDeadlines(s, rules));
  const bond = tender.paket.hps && rules.hasSanggahBanding ? bandingBond(tender.paket.hps) : null;
  return {
    tender: info,
    windows,
    isBidder,
    isFilingOpen,
    canFile,
    sanggahs,
    history: earlier,
    withdrawals,
    isReevaluating,
    bond,
  };
}

/**
 * The Pokja's page: every sanggah of the current announcement (or, while re-evaluating, of
 * the withdrawn one), answered or not; the earlier rounds as history; after an acceptance,
 * what comes next (evaluasi ulang or tender gagal).
 */
export async function getPokjaSanggahView(actor: Actor, tenderId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(tenderId)) throw new AppError("NOT_FOUND");
  await assertPokjaAccess(db, actor, tenderId, "tender.answerSanggah");
  const { info, rules, round, history, windows, blockers, roundStart, withdrawals, isReevaluating } =
    await loadTender(tenderId);
  // an objection accepted before an acceptance withdrew the award (an older tender): the Pokja may still end it
  const isAcceptedButAwarded = info.status === "AWARDED" && round.some((s) => s.decision === "ACCEPTED");
  return {
    tender: info,
    windows,
    blockers,
    canAnswer: roundStart !== null,
    sanggahs: round.map((s) => withDeadlines(s, rules)),
    history: history.map((s) => withDeadlines(s, rules)),
    withdrawals,
    isReevaluating,
    canDeclareFailed: isReevaluating || isAcceptedButAwarded,
  };
}

/** The PPK's SPPBJ page: the windows, what still blocks, and the letter once issued. */
export async function getSppbjView(actor: Actor, tenderId: string) {
  const { tender, info, rules, round, windows, blockers, withdrawals } = await loadTender(tenderId);
  if (!can(actor, "sppbj.issue", { agencyId: tender.paket.agencyId })) throw new AppError("NOT_FOUND");
  // the PPK may ask for penunjukan langsung after a failed re-tender (src/modules/failure)
  const mayRequestPl = tender.status === "FAILED" && tender.previousTender?.status === "FAILED";
  return {
    tender: info,
    windows,
    blockers,
    mayRequestPl,
    withdrawals,
    sppbj: tender.documents[0] ?? null,
    sppbjIssuedAt: tender.sppbjIssuedAt,
    sanggahs: round.map((s) => withDeadlines(s, rules)),
  };
}
