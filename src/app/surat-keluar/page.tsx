import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { Pagination } from "@/components/ui/pagination";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { parsePageNumber } from "@/lib/page-number";
import { findOutbox } from "@/modules/notifications/server/find-outbox";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.outbox"))("title") };
}

const TONE = { PENDING: "warning", SENT: "success", FAILED: "danger" } as const;
// Mail is addressed across agencies; times are shown in WIB, the portal's zone.
const ZONE = "Asia/Jakarta";

/** Outgoing mail: Admin LPSE and Auditor only; where mail lands when no SMTP is set. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await pageActor("/surat-keluar");
  const page = parsePageNumber((await searchParams).page);
  const outbox = await unlessForbidden(findOutbox(actor, { page }));
  if (!outbox) return <ForbiddenMessage />;
  const [t, localeValue] = await Promise.all([getTranslations("notifications.outbox"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (d: Date | null) => (d ? formatInZone(d, ZONE, locale) : "—");

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p
          role="note"
          className={`rounded-md border p-3 text-sm ${outbox.smtpConfigured ? "border-slate-200 bg-white" : "border-amber-300 bg-amber-50 text-amber-950"}`}
        >
          {outbox.smtpConfigured ? t("smtpNote") : t("viewerNote")}
        </p>
      </header>
      {outbox.items.length === 0 ? <EmptyState title={t("empty")} /> : null}
      <ul className="space-y-3">
        {outbox.items.map((mail) => (
          <li
            key={mail.id}
            data-testid="outbox-mail"
            className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h2 className="font-semibold">{mail.subject}</h2>
              <Badge tone={TONE[mail.status]}>{t(`statusValue.${mail.status}`)}</Badge>
            </div>
            <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-600">{t("to")}</dt>
              <dd className="break-all">{mail.to}</dd>
              <dt className="text-slate-600">{t("createdAt")}</dt>
              <dd>{at(mail.createdAt)}</dd>
              <dt className="text-slate-600">{t("sentAt")}</dt>
              <dd>{at(mail.sentAt)}</dd>
              <dt className="text-slate-600">{t("attempts")}</dt>
              <dd className="tabular-nums">{mail.attempts}</dd>
              {mail.status === "PENDING" && mail.attempts > 0 ? (
                <>
                  <dt className="text-slate-600">{t("nextAttemptAt")}</dt>
                  <dd>{at(mail.nextAttemptAt)}</dd>
                </>
              ) : null}
              {mail.lastError ? (
                <>
                  <dt className="text-slate-600">{t("lastError")}</dt>
                  <dd className="font-mono break-all text-red-900">{mail.lastError}</dd>
                </>
              ) : null}
            </dl>
            <details className="mt-2">
              <summary className="cursor-pointer text-brand-700">{t("showText")}</summary>
              <pre className="mt-2 font-sans whitespace-pre-wrap text-slate-800">{mail.text}</pre>
            </details>
          </li>
        ))}
      </ul>
      <Pagination basePath="/surat-keluar" page={page} pageCount={outbox.pageCount} />
    </div>
  );
}
