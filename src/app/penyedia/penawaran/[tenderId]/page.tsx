import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineClock } from "@/modules/clock/components/deadline-clock";
import { loadClockWords } from "@/modules/clock/server/clock-words";
import { ServerClockProvider } from "@/modules/clock/components/server-clock";
import { WindowGate, WindowStatus } from "@/modules/clock/components/window-gate";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { BidWorkspace } from "@/modules/bids/components/bid-workspace";
import { TenderEndedNotice } from "@/modules/announcement/components/tender-ended-notice";
import { InclusionProofCard } from "@/modules/audit/components/inclusion-proof-card";
import { BidHistory, ReceiptCard } from "@/modules/bids/components/receipt-card";
import { MAX_BID_FILE_BYTES, MAX_BID_TOTAL_BYTES, toMb } from "@/modules/bids/domain/bid-rules";
import { getVendorBidView } from "@/modules/bids/server/get-vendor-bid-view";
import { loadBidContentRules } from "@/modules/bids/server/bid-qualification";
import { getQualificationProfile } from "@/modules/qualification";
import { InvitationList } from "@/modules/evaluation/components/invitation-list";
import { findOwnInvitations } from "@/modules/evaluation/server/find-evaluation-invitations";
import { db } from "@/server/db";
import { isAppError } from "@/server/errors";
import { pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bids.page"))("title") };
}

export default async function BidPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/penyedia/penawaran/${encodeURIComponent(tenderId)}`);
  const t = await getTranslations("bids.page");
  const view = await getVendorBidView(actor, tenderId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!view)
    return (
      <p role="alert" className="text-red-800">
        {t("forbidden")}
      </p>
    );
  const localeValue = await getLocale();
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (d: Date) => formatInZone(d, view.tender.timeZone, locale);
  const current = view.bids.find((b) => b.status === "SUBMITTED") ?? null;
  // The window by the schedule; the browser flips the page at its ends by the server's clock.
  const windows =
    view.acceptsBids && view.uploadStartsAt && view.deadline
      ? [{ startsAt: view.uploadStartsAt.getTime(), endsAt: view.deadline.getTime() }]
      : [];
  const [words, invitations, ti, rules] = await Promise.all([
    loadClockWords(),
    findOwnInvitations(actor, tenderId),
    getTranslations("evaluation.invitation"),
    loadBidContentRules(db, tenderId),
  ]);
  // the qualification form offers the signed-in vendor's own profile only (the view checked who it is)
  const profile = rules.requirements && actor.vendorId ? await getQualificationProfile(actor.vendorId) : null;

  return (
    <ServerClockProvider serverNow={view.now.getTime()} boundaries={windows.flatMap((w) => [w.startsAt, w.endsAt])}>
      <div className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold">
            {t("title")}: {view.tender.name}
          </h1>
          <p className="text-slate-700">{t("intro")}</p>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("tender")}</dt>
            <dd>{view.tender.code}</dd>
            <dt className="text-slate-600">{t("agency")}</dt>
            <dd>{view.tender.agencyName}</dd>
            {view.uploadStartsAt ? (
              <>
                <dt className="text-slate-600">{t("uploadStart")}</dt>
                <dd>{at(view.uploadStartsAt)}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("deadline")}</dt>
            <dd className="font-semibold" data-testid="bid-deadline">
              {view.deadline ? at(view.deadline) : t("noDeadline")}
            </dd>
          </dl>
          {view.deadline ? (
            <DeadlineClock
              deadline={view.deadline.getTime()}
              timeZone={view.tender.timeZone}
              locale={locale}
              words={words}
            />
          ) : null}
          <WindowStatus windows={windows} open={t("open")} closed={t("closed")} ended={t("deadlinePassed")} />
        </header>
        {invitations.length > 0 ? (
          <section aria-labelledby="undangan" className="space-y-2">
            <h2 id="undangan" className="text-lg font-semibold">
              {ti("ownTitle")}
            </h2>
            <InvitationList invitations={invitations} timeZone={view.tender.timeZone} locale={locale} />
          </section>
        ) : null}
        {view.ended ? <TenderEndedNotice {...view.ended} timeZone={view.tender.timeZone} locale={locale} /> : null}
        {current ? (
          <ReceiptCard bid={current} timeZone={view.tender.timeZone} canWithdraw={view.isOpen} tenderId={tenderId} />
        ) : null}
        {current ? <InclusionProofCard bidId={current.id} timeZone={view.tender.timeZone} /> : null}
        {windows.some((w) => view.now.getTime() < w.endsAt) ? (
          <WindowGate windows={windows} before={null} after={null} disableAfter>
            <Card>
              <BidWorkspace
                tenderId={tenderId}
                staged={view.staged.map((f) => ({
                  id: f.id,
                  part: f.part,
                  type: f.type,
                  commitment: f.commitment,
                  sizeBytes: f.sizeBytes,
                  uploadedAt: at(f.uploadedAt),
                }))}
                hasCurrentBid={current !== null}
                requiredParts={rules.requiredParts}
                qualification={rules.requirements && profile ? { requirements: rules.requirements, profile } : null}
                limits={{ fileMb: toMb(MAX_BID_FILE_BYTES), totalMb: toMb(MAX_BID_TOTAL_BYTES) }}
              />
            </Card>
          </WindowGate>
        ) : null}
        <BidHistory bids={view.bids.filter((b) => b.status !== "SUBMITTED")} timeZone={view.tender.timeZone} />
      </div>
    </ServerClockProvider>
  );
}
