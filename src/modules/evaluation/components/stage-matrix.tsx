import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { EVALUATION_STAGES, type OrderedStage } from "../domain/evaluation-rules";
import { pokjaNoteOf } from "../domain/price-rules";
import { formatScore } from "../domain/scoring";
import { nextStageToDecide, stageBlocker, stageTally, toDecisions } from "../domain/stage-progress";
import type { EvaluationBoard } from "../server/get-evaluation-board";
import { EvaluationRowForm } from "./evaluation-row-form";
import { ClarificationForm } from "./small-forms";

type Bid = EvaluationBoard["bids"][number];

/** "85,23" (id): a share of HPS for people; two decimals, truncated, display only. */
export function percentOfHps(price: bigint, hps: bigint, locale: "id" | "en"): string {
  if (hps <= 0n) return "-";
  const hundredths = (price * 10_000n) / hps;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, "0")}`;
  return locale === "id" ? text.replace(".", ",") : text;
}

/**
 * The four stages as tabs, each with how many of the bids it may judge are decided, and,
 * once the shown stage is done, the way on to the next stage with a bid still to decide.
 */
export function StageTabs({ board, stage }: { board: EvaluationBoard; stage: OrderedStage }) {
  const t = useTranslations("evaluation");
  const decisions = board.bids.map((b) => toDecisions(b.evaluations));
  const href = (s: OrderedStage) => `/pokja/evaluasi/${board.tender.id}?tahap=${s.toLowerCase()}`;
  const shown = stageTally(stage, decisions);
  const next = nextStageToDecide(decisions);
  const pending = stageTally(next, decisions);
  const offersNext =
    board.isEvaluating && shown.decided === shown.open && next !== stage && pending.decided < pending.open;
  return (
    <>
      {offersNext ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          {t("matrix.stageDone", { stage: t(`stage.${stage}`) })}{" "}
          <Link href={href(next)}>{t("matrix.goNext", { stage: t(`stage.${next}`) })}</Link>
        </p>
      ) : null}
      <nav aria-label={t("matrix.stagesLabel")} className="flex flex-wrap gap-2 text-sm">
        {EVALUATION_STAGES.map((s) => (
          <Link
            key={s}
            href={href(s)}
            aria-current={s === stage ? "page" : undefined}
            className={`rounded-md border px-3 py-1 no-underline ${s === stage ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 text-slate-800"}`}
          >
            {t(`stage.${s}`)} ({t("matrix.tally", stageTally(s, decisions))})
          </Link>
        ))}
      </nav>
    </>
  );
}

/** The bidder's column: who, when, and the prices against HPS. */
function BidderCell({ bid, board, locale }: { bid: Bid; board: EvaluationBoard; locale: "id" | "en" }) {
  const t = useTranslations("evaluation");
  const { tender } = board;
  const price = bid.correctedPrice ?? bid.openedPrice;
  return (
    <RowHeader className="min-w-56 space-y-1">
      <span className="block">{bid.vendorName}</span>
      <span className="block font-mono text-xs font-normal text-slate-600">
        {t("pokja.npwp")} {bid.npwp}
      </span>
      <span className="block text-xs font-normal text-slate-600">
        {t("pokja.submittedAt")} {formatInZone(bid.submittedAt, tender.timeZone, locale)}
      </span>
      <span className="block font-normal tabular-nums">
        {bid.openedPrice !== null ? formatRupiah(bid.openedPrice) : t("consultancy.priceSealed")}
      </span>
      {bid.correctedPrice !== null ? (
        <span className="block text-xs font-normal">
          {t("pokja.correctedPrice")} {formatRupiah(bid.correctedPrice)}
        </span>
      ) : null}
      {price !== null ? (
        <span className="block text-xs font-normal text-slate-600">
          {t("pokja.vsHps", { percent: percentOfHps(price, tender.hps, locale) })}
        </span>
      ) : null}
      <span className="flex flex-wrap gap-1">
        {bid.isAboveHps ? <Badge tone="danger">{t("pokja.aboveHps")}</Badge> : null}
        {bid.isLowPriceFlagged ? (
          <Badge tone="warning">{t("pokja.lowPrice", { percent: tender.lowPriceThresholdPercent })}</Badge>
        ) : null}
        {bid.isLowPriceFlagged && bid.lowPriceClarification ? (
          <Badge tone="success">{t("pokja.clarified")}</Badge>
        ) : null}
      </span>
    </RowHeader>
  );
}

/**
 * One stage of the evaluation as the Pokja works it: every bidder in a row, the decision
 * stored for this stage with its reason, and the row's form. A bid out at an earlier
 * stage, or waiting for one, says so instead (stages are judged in order).
 */
export function StageMatrix({
  board,
  stage,
  locale,
}: {
  board: EvaluationBoard;
  stage: OrderedStage;
  locale: "id" | "en";
}) {
  const t = useTranslations("evaluation");
  const { tender } = board;
  const at = (d: Date) => formatInZone(d, tender.timeZone, locale);
  const isScored = tender.isTechnicalScored;
  const isLifeCycle = tender.method === "BIAYA_UMUR_EKONOMIS";
  return (
    <section aria-labelledby="matrix" className="space-y-2">
      <h2 id="matrix" className="text-lg font-semibold">
        {t("matrix.title", { stage: t(`stage.${stage}`) })}
      </h2>
      {/* every opened file of this stage's part at once: a streamed ZIP, audited like each single file */}
      <p className="text-sm">
        <a href={`/api/tenders/${tender.id}/bid-files/${stage.toLowerCase()}`} download>
          {t("matrix.downloadAll", { stage: t(`stage.${stage}`) })}
        </a>
      </p>
      {stage === "HARGA" ? (
        <p className="text-sm text-slate-700">{t("form.hpsNote", { hps: formatRupiah(tender.hps) })}</p>
      ) : null}
      <Table label={t("matrix.title", { stage: t(`stage.${stage}`) })}>
        <thead>
          <tr>
            <Th>{t("pokja.bidder")}</Th>
            <Th>{t("matrix.decision")}</Th>
            {board.isEvaluating ? <Th>{t("matrix.form")}</Th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {board.bids.map((bid) => {
            const block = stageBlocker(stage, toDecisions(bid.evaluations));
            const stored = bid.evaluations.find((e) => e.stage === stage) ?? null;
            return (
              <tr key={bid.id} data-testid={`row-${bid.id}`}>
                <BidderCell bid={bid} board={board} locale={locale} />
                <Td className="min-w-64 space-y-1">
                  {stored ? (
                    <>
                      <Badge tone={stored.passed ? "success" : "danger"}>
                        {t(stored.passed ? "result.passed" : "result.failed")}
                      </Badge>
                      {stored.technicalUnits != null ? (
                        <span className="ml-2">
                          {t("pokja.technical")}: {formatScore(stored.technicalUnits, locale)}
                        </span>
                      ) : null}
                      <p className="whitespace-pre-line text-slate-700">{stored.reason}</p>
                      <p className="text-xs text-slate-600">{t("pokja.decidedAt", { at: at(stored.decidedAt) })}</p>
                    </>
                  ) : block ? (
                    <p className="text-slate-600">
                      {t(block.key === "previousStageFailed" ? "pokja.outcomeFailed" : "pokja.outcomePending", {
                        stage: t(`stage.${block.stage}`),
                      })}
                    </p>
                  ) : (
                    <p className="text-slate-600">{t("result.pending")}</p>
                  )}
                </Td>
                {board.isEvaluating ? (
                  <Td className="min-w-80 space-y-3">
                    {stored?.isAutomatic ? (
                      <p className="text-sm text-slate-600">{t("pokja.automatic")}</p>
                    ) : block ? null : (
                      <EvaluationRowForm
                        // drawn again from each stored version, so the form always shows what is saved
                        key={stored?.decidedAt.toISOString() ?? "new"}
                        tenderId={tender.id}
                        bidId={bid.id}
                        stage={stage}
                        isScored={isScored}
                        isLifeCycle={isLifeCycle}
                        openedPriceText={bid.openedPrice !== null ? formatRupiah(bid.openedPrice) : ""}
                        saved={
                          stored && {
                            passed: stored.passed,
                            note: pokjaNoteOf(stored.reason),
                            decidedAt: stored.decidedAt.toISOString(),
                            technicalScore:
                              stored.technicalUnits != null ? formatScore(stored.technicalUnits, locale) : null,
                            correctedPrice:
                              stage === "HARGA" && bid.correctedPrice !== null
                                ? formatRupiah(bid.correctedPrice)
                                : null,
                            lifeCycleCost: stored.lifeCycleCost != null ? formatRupiah(stored.lifeCycleCost) : null,
                          }
                        }
                      />
                    )}
                    {stage === "HARGA" && bid.isLowPriceFlagged ? (
                      <ClarificationForm tenderId={tender.id} bidId={bid.id} current={bid.lowPriceClarification} />
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}
