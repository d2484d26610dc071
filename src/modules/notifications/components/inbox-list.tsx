import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInZone } from "@/lib/time";
import { MarkReadButton } from "./mark-read-button";

export interface InboxItem {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

// The inbox mixes tenders of many agencies, so times are shown in WIB, the portal's zone.
const INBOX_ZONE = "Asia/Jakarta";

export async function InboxList({ items, locale }: { items: InboxItem[]; locale: "id" | "en" }) {
  const t = await getTranslations("notifications.inbox");
  if (items.length === 0) return <EmptyState title={t("empty")} />;
  return (
    <ul className="space-y-3">
      {items.map((n) => (
        <li
          key={n.id}
          data-testid="notification"
          data-unread={n.readAt === null}
          className={`rounded-lg border p-4 ${n.readAt === null ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="font-semibold">
              {n.readAt === null ? (
                <>
                  <Badge tone="info">{t("unread")}</Badge>{" "}
                </>
              ) : null}
              {n.title}
            </h2>
            <time dateTime={n.createdAt.toISOString()} className="text-sm text-slate-600">
              {formatInZone(n.createdAt, INBOX_ZONE, locale)}
            </time>
          </div>
          <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{n.body}</p>
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            {n.link ? <Link href={n.link}>{t("open")}</Link> : null}
            {n.readAt === null ? <MarkReadButton ids={[n.id]} label={t("markRead")} doneText={t("done")} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
