import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { PublicBidSummary } from "../server/find-public-bid-summary";

/** The query parameter of the participants' page on the announcement. */
export const PARTICIPANT_PAGE_PARAM = "peserta";

/**
 * The public's view of the bidding: "Peserta 1, 2, …" until the winner is announced, the bid
 * count once opened. Participants come a page at a time, with plain previous/next links
 * back to this section of `path` (the announcement's address).
 */
export async function PublicBidSummaryView({ summary, path }: { summary: PublicBidSummary; path: string }) {
  const [t, p] = await Promise.all([getTranslations("announcement.bidSummary"), getTranslations("common.pagination")]);
  const { page, pageCount } = summary;
  const href = (n: number) => `${path}${n > 1 ? `?${PARTICIPANT_PAGE_PARAM}=${n}` : ""}#bid-summary-title`;
  return (
    <section aria-labelledby="bid-summary-title" className="space-y-2">
      <h2 id="bid-summary-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p data-testid="bid-count">
        {summary.bidCount === null ? t("bidCountAfterOpening") : t("bidCount", { count: summary.bidCount })}
      </p>
      {summary.participants.length === 0 ? (
        <p className="text-slate-600">{t("noParticipants")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("participantCount", { count: summary.participantCount })}</p>
          <ol className="list-none space-y-1">
            {summary.participants.map((participant) => (
              <li key={participant.number}>{participant.name ?? t("participant", { number: participant.number })}</li>
            ))}
          </ol>
        </>
      )}
      {pageCount > 1 ? (
        <nav aria-label={p("label")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev" prefetch={false}>
              ← {p("previous")}
            </Link>
          ) : (
            <span aria-hidden="true" />
          )}
          <span className="text-slate-600">{p("status", { page, pages: pageCount })}</span>
          {page < pageCount ? (
            <Link href={href(page + 1)} rel="next" prefetch={false}>
              {p("next")} →
            </Link>
          ) : (
            <span aria-hidden="true" />
          )}
        </nav>
      ) : null}
      {summary.isRevealed ? null : <p className="text-sm text-slate-600">{t("namesHidden")}</p>}
    </section>
  );
}
