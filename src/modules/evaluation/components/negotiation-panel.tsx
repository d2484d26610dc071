import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { formatRupiah } from "@/lib/money";
import type { getNegotiationBoard } from "../server/get-negotiation-board";
import { NegotiationForm } from "./negotiation-form";

type Board = NonNullable<Awaited<ReturnType<typeof getNegotiationBoard>>>;

/** Klarifikasi dan negosiasi: who is next, what was recorded, and the form for the turn. */
export function NegotiationPanel({
  tenderId,
  board,
  names,
  isEvaluating,
  at,
}: {
  tenderId: string;
  board: Board;
  names: Map<string, string>;
  isEvaluating: boolean;
  at: (d: Date) => string;
}) {
  const t = useTranslations("evaluation.consultancy");
  const { standing } = board;
  const turn = standing?.turn;
  return (
    <Card className="space-y-3">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("intro", { from: at(board.stage.startsAt) })}</p>
      {standing === null ? <p role="status">{t("notRanked")}</p> : null}
      {standing && standing.records.length > 0 ? (
        <ul className="space-y-2 text-sm">
          {standing.records.map((r) => (
            <li key={r.id}>
              <span className="font-medium">{names.get(r.bidId) ?? r.bidId}</span>:{" "}
              {r.outcome === "AGREED"
                ? t("recordAgreed", { price: formatRupiah(r.agreedPrice!), at: at(r.negotiatedAt) })
                : t("recordFailed", { at: at(r.negotiatedAt) })}
              <span className="block whitespace-pre-line text-slate-700">{r.minutes}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {turn?.kind === "AGREED" ? <p role="status">{t("agreed", { name: names.get(turn.bidId) ?? "" })}</p> : null}
      {turn?.kind === "EXHAUSTED" ? <p role="status">{t("exhausted")}</p> : null}
      {turn?.kind === "TURN" ? (
        <>
          <p>{t("turn", { name: names.get(turn.bidId) ?? "" })}</p>
          {isEvaluating ? <NegotiationForm tenderId={tenderId} bidId={turn.bidId} /> : null}
        </>
      ) : null}
    </Card>
  );
}
