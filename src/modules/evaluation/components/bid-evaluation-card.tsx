import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { EVALUATION_STAGES } from "../domain/evaluation-rules";
import { stageBlocker, toDecisions } from "../domain/stage-progress";
import type { EvaluationBoard } from "../server/get-evaluation-board";
import { EvaluationForm } from "./evaluation-form";
import { ClarificationForm } from "./small-forms";
import { StageResults } from "./stage-results";

/** "85,23" (id): a share of HPS for people; two decimals, truncated, display only. */
export function percentOfHps(price: bigint, hps: bigint, locale: "id" | "en"): string {
  if (hps <= 0n) return "-";
  const hundredths = (price * 10_000n) / hps;
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, "0")}`;
  return locale === "id" ? text.replace(".", ",") : text;
}

type Bid = EvaluationBoard["bids"][number];

/** One bidder on the Pokja's desk: prices against HPS, decisions so far, and the forms. */
export function BidEvaluationCard({ bid, board, locale }: { bid: Bid; board: EvaluationBoard; locale: "id" | "en" }) {
  const t = useTranslations("evaluation");
  const { tender } = board;
  const at = (d: Date) => formatInZone(d, tender.timeZone, locale);
  const price = bid.correctedPrice ?? bid.openedPrice;
  const decisions = toDecisions(bid.evaluations);
  const open = EVALUATION_STAGES.filter((s) => stageBlocker(s, decisions) === null);
  const ordered = EVALUATION_STAGES.flatMap((s) => bid.evaluations.filter((e) => e.stage === s));
  const outcome = bid.outcome;

  return (
    <Card className="space-y-4" data-testid={`bid-${bid.id}`}>
      <header className="space-y-1">
        <h3 className="text-lg font-semibold">{bid.vendorName}</h3>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("pokja.npwp")}</dt><dd className="font-mono">{bid.npwp}</dd>
          <dt className="text-slate-600">{t("pokja.submittedAt")}</dt><dd>{at(bid.submittedAt)}</dd>
          <dt className="text-slate-600">{t("pokja.openedPrice")}</dt><dd className="tabular-nums">{formatRupiah(bid.openedPrice)}</dd>
          <dt className="text-slate-600">{t("pokja.correctedPrice")}</dt>
          <dd className="tabular-nums">
            {bid.correctedPrice === null ? "-" : formatRupiah(bid.correctedPrice)} ({t("pokja.vsHps", { percent: percentOfHps(price, tender.hps, locale) })})
          </dd>
        </dl>
        <p className="flex flex-wrap gap-2">
          {bid.isAboveHps ? <Badge tone="danger">{t("pokja.aboveHps")}</Badge> : null}
          {bid.isLowPriceFlagged ? <Badge tone="warning">{t("pokja.lowPrice", { percent: tender.lowPriceThresholdPercent })}</Badge> : null}
          {bid.isLowPriceFlagged && bid.lowPriceClarification ? <Badge tone="success">{t("pokja.clarified")}</Badge> : null}
          <Badge tone={outcome.kind === "PASSED" ? "success" : outcome.kind === "FAILED" ? "danger" : "neutral"}>
            {outcome.kind === "PASSED" ? t("pokja.outcomePassed") : t(outcome.kind === "FAILED" ? "pokja.outcomeFailed" : "pokja.outcomePending", { stage: t(`stage.${outcome.stage}`) })}
          </Badge>
        </p>
      </header>
      <section className="space-y-2">
        <h4 className="font-medium">{t("pokja.decisionsTitle")}</h4>
        <StageResults
          locale={locale}
          stages={ordered.map((e) => ({ stage: e.stage, passed: e.passed, reason: e.reason, technicalUnits: e.technicalUnits, extra: t("pokja.decidedAt", { at: at(e.decidedAt) }) }))}
        />
      </section>
      {board.isEvaluating && open.length > 0 ? (
        <EvaluationForm tenderId={tender.id} bidId={bid.id} stages={open} method={tender.method} openedPriceText={formatRupiah(bid.openedPrice)} hpsText={formatRupiah(tender.hps)} />
      ) : null}
      {board.isEvaluating && bid.isLowPriceFlagged ? <ClarificationForm tenderId={tender.id} bidId={bid.id} current={bid.lowPriceClarification} /> : null}
    </Card>
  );
}
