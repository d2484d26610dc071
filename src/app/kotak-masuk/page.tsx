import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui/pagination";
import { isLocale } from "@/i18n/locales";
import { parsePageNumber } from "@/lib/page-number";
import { InboxList } from "@/modules/notifications/components/inbox-list";
import { MarkReadButton } from "@/modules/notifications/components/mark-read-button";
import { countUnread } from "@/modules/notifications/server/count-unread";
import { findNotifications } from "@/modules/notifications/server/find-notifications";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.inbox"))("title") };
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await pageActor("/kotak-masuk");
  const page = parsePageNumber((await searchParams).page);
  const [t, localeValue, inbox, unread] = await Promise.all([
    getTranslations("notifications.inbox"),
    getLocale(),
    findNotifications(actor, page),
    countUnread(actor),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <div className="flex flex-wrap items-center gap-3">
          <p role="status" className="text-sm font-medium">
            {t("unreadCount", { count: unread })}
          </p>
          {unread > 0 ? <MarkReadButton label={t("markAllRead")} doneText={t("done")} /> : null}
        </div>
      </header>
      <InboxList items={inbox.items} locale={locale} />
      <Pagination basePath="/kotak-masuk" page={page} pageCount={inbox.pageCount} />
    </div>
  );
}
