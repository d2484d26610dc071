import { getTranslations } from "next-intl/server";
import type { PublicBidSummary } from "../server/find-public-bid-summary";

/** The public's view of the bidding: "Peserta 1, 2, …" until the winner is announced, the bid count once opened. */
export async function PublicBidSummaryView({ summary }: { summary: PublicBidSummary }) {
  const t = await getTranslations("announcement.bidSummary");
  return (
    <section aria-labelledby="bid-summary-title" className="space-y-2">
      <h2 id="bid-summary-title" className="text-lg font-semibold">{t("title")}</h2>
      <p data-testid="bid-count">{summary.bidCount === null ? t("bidCountAfterOpening") : t("bidCount", { count: summary.bidCount })}</p>
      {summary.participants.length === 0 ? (
        <p className="text-slate-600">{t("noParticipants")}</p>
      ) : (
        <ol className="list-none space-y-1">
          {summary.participants.map((p) => (
            <li key={p.number}>{p.name ?? t("participant", { number: p.number })}</li>
          ))}
        </ol>
      )}
      {summary.isRevealed ? null : <p className="text-sm text-slate-600">{t("namesHidden")}</p>}
    </section>
  );
}
