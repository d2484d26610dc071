import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { WinnerProposalPanel } from "@/modules/award/components";
import type { WinnerProposals } from "@/modules/award";
import { formatScore } from "../domain/scoring";
import type { EvaluationBoard } from "../server/get-evaluation-board";
import { PembuktianForm, TenderStepButton } from "./small-forms";

/** The ranking, pembuktian per ranked bid (a seleksi's: its prakualifikasi result), then penetapan (by the Pokja's majority) and pengumuman. */
export function RankingPanel({
  board,
  locale,
  proposals,
  at,
}: {
  board: EvaluationBoard;
  locale: "id" | "en";
  proposals: WinnerProposals;
  at: (d: Date) => string;
}) {
  const t = useTranslations("evaluation");
  const { tender } = board;
  const ranked = board.bids.filter((b) => b.rank !== null).sort((a, b) => a.rank! - b.rank!);
  // the technical, price and total columns: every method with a technical score (issue 15)
  const isNilai = tender.isTechnicalScored;
  const isLcc = tender.method === "BIAYA_UMUR_EKONOMIS";
  const roleOf = (id: string) =>
    id === tender.winnerBidId
      ? "WINNER"
      : tender.reserveBidIds[0] === id
        ? "RESERVE_1"
        : tender.reserveBidIds[1] === id
          ? "RESERVE_2"
          : null;

  return (
    <>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("pokja.rankingTitle")}</h2>
        <p className="text-sm text-slate-700">
          {t("pokja.rankingIntro")} {isNilai ? t("pokja.tieRule") : null}
        </p>
        {tender.hasPrakualifikasi ? (
          <p className="text-sm text-slate-700">{t("pokja.pembuktianInPrakualifikasi")}</p>
        ) : null}
        {ranked.length === 0 ? (
          <p role="status" className="text-sm">
            {t("pokja.noRanking")}
          </p>
        ) : (
          <Table label={t("pokja.rankingTitle")}>
            <thead>
              <tr>
                <Th>{t("pokja.rank")}</Th>
                <Th>{t("pokja.bidder")}</Th>
                <Th>{t("pokja.correctedPrice")}</Th>
                {isNilai ? (
                  <>
                    <Th>{t("pokja.technical")}</Th>
                    <Th>{t("pokja.priceScore")}</Th>
                    <Th>{t("pokja.total")}</Th>
                  </>
                ) : null}
                {isLcc ? <Th>{t("pokja.lifeCycleCost")}</Th> : null}
                <Th>{t("pokja.pembuktianTitle")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {ranked.map((b) => {
                const ev = (stage: string) => b.evaluations.find((e) => e.stage === stage);
                const role = roleOf(b.id);
                return (
                  <tr key={b.id}>
                    <Td className="tabular-nums">{b.rank}</Td>
                    <RowHeader>
                      {b.vendorName} {role ? <Badge tone="success">{t(`role.${role}`)}</Badge> : null}
                    </RowHeader>
                    <Td className="tabular-nums">{formatRupiah((b.correctedPrice ?? b.openedPrice)!)}</Td>
                    {isNilai ? (
                      <>
                        <Td className="tabular-nums">
                          {ev("TEKNIS")?.technicalUnits != null
                            ? formatScore(ev("TEKNIS")!.technicalUnits!, locale)
                            : "-"}
                        </Td>
                        <Td className="tabular-nums">
                          {ev("HARGA")?.priceUnits != null ? formatScore(ev("HARGA")!.priceUnits!, locale) : "-"}
                        </Td>
                        <Td className="tabular-nums font-medium">
                          {ev("HARGA")?.scoreUnits != null ? formatScore(ev("HARGA")!.scoreUnits!, locale) : "-"}
                        </Td>
                      </>
                    ) : null}
                    {isLcc ? (
                      <Td className="tabular-nums">
                        {ev("HARGA")?.lifeCycleCost != null ? formatRupiah(ev("HARGA")!.lifeCycleCost!) : "-"}
                      </Td>
                    ) : null}
                    <Td className="min-w-72 space-y-2">
                      {tender.hasPrakualifikasi ? (
                        <Badge tone={b.prequalified ? "success" : "danger"}>
                          {t(b.prequalified ? "pokja.prequalifiedPassed" : "pokja.prequalifiedMissing")}
                        </Badge>
                      ) : (
                        <PembuktianCell bid={b} tenderId={tender.id} isEvaluating={board.isEvaluating} />
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {board.isEvaluating ? (
          <TenderStepButton
            tenderId={tender.id}
            step="rank"
            label={t("pokja.rankButton")}
            doneText={t("pokja.ranked")}
          />
        ) : null}
      </Card>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t("pokja.penetapanTitle")}</h2>
        <p className="text-sm text-slate-700">{t("pokja.penetapanIntro")}</p>
        <WinnerProposalPanel tenderId={tender.id} data={proposals} canPropose={board.isEvaluating} at={at} />
        {tender.awardedAt && !tender.announcedAt && tender.status === "EVALUATION" ? (
          <TenderStepButton
            tenderId={tender.id}
            step="announce"
            label={t("pokja.announce")}
            doneText={t("pokja.announceDone")}
            confirmText={t("pokja.announceConfirm")}
          />
        ) : null}
      </Card>
    </>
  );
}

type RankedBid = EvaluationBoard["bids"][number];

/** A tender's (pascakualifikasi) pembuktian: the recorded decision, and the form while evaluating. */
function PembuktianCell({ bid, tenderId, isEvaluating }: { bid: RankedBid; tenderId: string; isEvaluating: boolean }) {
  const t = useTranslations("evaluation");
  const proof = bid.evaluations.find((e) => e.stage === "PEMBUKTIAN");
  return (
    <>
      {proof ? (
        <p className="text-sm">
          <Badge tone={proof.passed ? "success" : "danger"}>
            {t(proof.passed ? "result.passed" : "result.failed")}
          </Badge>{" "}
          {proof.reason}
        </p>
      ) : null}
      {proof?.isAutomatic ? (
        <p className="text-sm text-slate-600">{t("pokja.automatic")}</p>
      ) : isEvaluating ? (
        <PembuktianForm
          // a refusal (no ranking, no clarification yet) goes once the saved state that caused it changes
          key={`${bid.rank}-${bid.lowPriceClarification !== null}-${proof?.decidedAt.toISOString() ?? ""}`}
          tenderId={tenderId}
          bidId={bid.id}
        />
      ) : null}
    </>
  );
}
