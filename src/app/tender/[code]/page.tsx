import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { loadClockWords } from "@/modules/clock/server/clock-words";
import { DeadlineClock } from "@/modules/clock/components/deadline-clock";
import { ServerClockProvider } from "@/modules/clock/components/server-clock";
import { TimeInZone } from "@/modules/clock/components/time-in-zone";
import { Badge } from "@/components/ui/badge";
import { isLocale } from "@/i18n/locales";
import { zoneLabel } from "@/lib/time";
import { parsePageNumber } from "@/lib/page-number";
import { isSafeText } from "@/lib/safe-text";
import { AnnouncementDetails } from "@/modules/announcement/components/announcement-details";
import { DocumentList } from "@/modules/announcement/components/document-list";
import { ScheduleChanges } from "@/modules/announcement/components/schedule-changes";
import { TenderEndedNotice } from "@/modules/announcement/components/tender-ended-notice";
import { TenderTransferredNotice } from "@/modules/announcement/components/tender-transferred-notice";
import { LiveCurrentStage } from "@/modules/announcement/components/live-stage";
import { ScheduleTable, toLiveStages } from "@/modules/announcement/components/schedule-table";
import { PARTICIPANT_PAGE_PARAM, PublicBidSummaryView } from "@/modules/announcement/components/public-bid-summary";
import { findPublicBidSummary } from "@/modules/announcement/server/find-public-bid-summary";
import { getAnnouncement } from "@/modules/announcement/server/get-announcement";
import { AddendumList } from "@/modules/addenda/components/addendum-list";
import { WinnerBanner } from "@/modules/award/components/winner-banner";
import { PublicContractSummary } from "@/modules/contracts/components/public-contract";
import { TenderAwardWithdrawals } from "@/modules/sanggah/components/award-withdrawals";
import { TenderHistory } from "@/modules/failure/components/tender-history";
import { RegisterButton } from "@/modules/participation/components/register-button";
import { TenderRedFlags } from "@/modules/red-flags/components";
import { registrationRefusal } from "@/modules/participation/domain/registration";
import { PublicQuestions } from "@/modules/questions/components/public-questions";
import { PublicShortlist } from "@/modules/seleksi/components/public-shortlist";
import { findTenderOcid } from "@/modules/open-data/server/find-ocid-releases";
import { findBidDeadline } from "@/modules/tenders/domain/schedule";
import { dbNow } from "@/server/db";
import { isAppError } from "@/server/errors";

// The current stage is decided by the database clock at the moment of the request.
export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

/** One read per request, shared by the metadata and the page; unknown codes are a 404. */
const loadAnnouncement = cache(async (code: string) => {
  if (code.length > 64 || !isSafeText(code)) notFound();
  try {
    return await getAnnouncement(code);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const announcement = await loadAnnouncement((await params).code);
  return { title: announcement.paketName };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AnnouncementPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const announcement = await loadAnnouncement((await params).code);
  const [t, a, c, localeValue, now, words] = await Promise.all([
    getTranslations("announcement.page"),
    getTranslations("announcement"),
    getTranslations("common"),
    getLocale(),
    dbNow(),
    loadClockWords(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const bidSummary = await findPublicBidSummary(
    announcement.id,
    parsePageNumber((await searchParams)[PARTICIPANT_PAGE_PARAM]),
  );
  const { status, isEnded, timeZone, transfer } = announcement;
  // the tender's OCDS record, once its first release is published (docs/decisions/0041)
  const [ocid, o] = await Promise.all([findTenderOcid(announcement.id), getTranslations("openData")]);
  // Indonesian zones have a fixed name; any instant of the schedule gives the label.
  const zoneInstant = announcement.stages[0]?.startsAt ?? announcement.publishedAt;
  // The stage and the countdown come from the schedule and the server's clock in the
  // browser, so they stay right when this page is served from a cache a few seconds old.
  const stages = toLiveStages(announcement.stages, a, timeZone, locale);
  const deadline = isEnded || transfer ? null : findBidDeadline(announcement.stages);
  const isRacing = deadline !== null && now < deadline;
  // the same rule the registration itself applies: nobody is invited once it would be refused
  const bidDeadline = findBidDeadline(announcement.stages);
  const registrationEndsAt =
    bidDeadline && registrationRefusal(status, bidDeadline, now, announcement.method) === null
      ? bidDeadline.getTime()
      : null;

  return (
    <ServerClockProvider serverNow={now.getTime()} boundaries={stages.flatMap((s) => [s.startsAt, s.endsAt])}>
      <article aria-labelledby="judul" className="space-y-6">
        <p className="text-sm">
          <Link href="/tender" prefetch={false}>
            ← {t("back")}
          </Link>
        </p>
        <header className="space-y-2">
          <p className="text-sm font-medium text-slate-600">
            {t("eyebrow")} · {t("code")} <span className="font-mono">{announcement.code}</span>
          </p>
          <h1 id="judul" className="text-2xl font-semibold break-words">
            {announcement.paketName}
          </h1>
          <p data-testid="current-stage" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-600">{t("currentStage")}:</span>
            {isEnded ? (
              <Badge tone="danger">{a(`ended.${status as "FAILED" | "CANCELLED"}`)}</Badge>
            ) : transfer ? (
              <Badge tone="warning">{c("tenderStatus.TRANSFERRED")}</Badge>
            ) : (
              <LiveCurrentStage
                stages={stages}
                none={
                  <span>
                    {t("noCurrentStage")} ({c(`tenderStatus.${status}`)})
                  </span>
                }
              />
            )}
          </p>
          {isRacing ? (
            <div className="space-y-1 rounded-lg border border-brand-100 bg-brand-50 p-3">
              <p className="text-sm">
                <span className="text-slate-600">{c("clock.deadline")}: </span>
                <span className="font-semibold" data-testid="announcement-deadline">
                  <TimeInZone at={deadline} timeZone={timeZone} locale={locale} />
                </span>
              </p>
              <DeadlineClock deadline={deadline.getTime()} timeZone={timeZone} locale={locale} words={words} />
            </div>
          ) : null}
        </header>

        {isEnded ? (
          // Bidders must see first, not after scrolling, that this tender is over and why.
          <TenderEndedNotice
            status={status as "FAILED" | "CANCELLED"}
            endReason={announcement.endReason}
            endedAt={announcement.endedAt}
            timeZone={timeZone}
            locale={locale}
          />
        ) : null}
        {transfer ? <TenderTransferredNotice transfer={transfer} timeZone={timeZone} locale={locale} /> : null}

        <WinnerBanner code={announcement.code} />
        <PublicContractSummary tenderId={announcement.id} timeZone={timeZone} />
        <TenderAwardWithdrawals
          tender={{ id: announcement.id }}
          isReevaluating={status === "EVALUATION"}
          timeZone={timeZone}
          locale={locale}
        />
        <TenderHistory tenderId={announcement.id} />
        <TenderRedFlags tenderId={announcement.id} timeZone={timeZone} />
        <PublicShortlist tenderId={announcement.id} timeZone={timeZone} />
        {isEnded || transfer ? null : (
          <RegisterButton
            tenderId={announcement.id}
            returnTo={`/tender/${announcement.code}`}
            timeZone={timeZone}
            registrationEndsAt={registrationEndsAt}
          />
        )}

        <AnnouncementDetails announcement={announcement} locale={locale} />

        {zoneInstant ? (
          <p className="text-sm text-slate-600">{t("timeNote", { zone: zoneLabel(zoneInstant, timeZone) })}</p>
        ) : null}
        {/* minmax(0, 1fr) columns: a wide table scrolls in its own box instead of widening the page */}
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <ScheduleTable stages={announcement.stages} timeZone={timeZone} locale={locale} isEnded={isEnded} />
          <ScheduleChanges changes={announcement.scheduleChanges} timeZone={timeZone} locale={locale} />
        </div>

        <DocumentList documents={announcement.documents} locale={locale} />
        {ocid ? (
          <p className="text-sm">
            <a
              href={`/api/ocds/records/${encodeURIComponent(ocid)}`}
              title={o("recordLinkTitle")}
              className="underline"
            >
              {o("recordLink")}
            </a>
          </p>
        ) : null}
        <AddendumList tenderId={announcement.id} timeZone={timeZone} />
        {bidSummary ? <PublicBidSummaryView summary={bidSummary} path={`/tender/${announcement.code}`} /> : null}
        <PublicQuestions tenderId={announcement.id} />
      </article>
    </ServerClockProvider>
  );
}
