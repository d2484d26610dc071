import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { isLocale } from "@/i18n/locales";
import { can } from "@/modules/auth/domain";
import { parseLogNumber } from "@/modules/audit/audit.schemas";
import { AuditEventDetail } from "@/modules/audit/components/audit-event-detail";
import { getAuditEvent } from "@/modules/audit/server/get-audit-event";
import { getLpseProfile } from "@/modules/lpse";
import { orNotFound, pageActor, unlessForbidden } from "@/server/page-access";

type Params = Promise<{ seq: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const seq = parseLogNumber((await params).seq);
  return { title: (await getTranslations("dashboard.audit.detail"))("title", { seq: seq?.toString() ?? "?" }) };
}

/** One audit event with every field, for those who read the trail (the read decides). */
export default async function AuditEventPage({ params }: { params: Params }) {
  const raw = (await params).seq;
  const actor = await pageActor(`/audit/${encodeURIComponent(raw)}`);
  const seq = parseLogNumber(raw);
  if (seq === null) notFound();
  const event = await unlessForbidden(orNotFound(getAuditEvent(actor, seq)));
  if (!event) return <ForbiddenMessage />;
  const [t, lpse, localeValue] = await Promise.all([
    getTranslations("dashboard.audit.detail"),
    getLpseProfile(),
    getLocale(),
  ]);
  return (
    <div className="space-y-6">
      <Link href="/audit" className="text-sm underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("title", { seq: event.seq })}</h1>
      <AuditEventDetail
        event={event}
        timeZone={lpse.timeZone}
        locale={isLocale(localeValue) ? localeValue : "id"}
        canReadAccessLogs={can(actor, "accessLog.readAny")}
      />
    </div>
  );
}
