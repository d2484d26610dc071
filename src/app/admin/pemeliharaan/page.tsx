import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { formatInZone, zoneLabel } from "@/lib/time";
import { MaintenanceForm, MaintenanceWindowButton } from "@/modules/availability/components";
import { MAINTENANCE_MAX_HOURS } from "@/modules/availability/domain";
import { findMaintenanceForAdmin } from "@/modules/availability/server/find-maintenance";
import { getLpseProfile } from "@/modules/lpse";
import { readAvailabilitySettings } from "@/server/availability-settings";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("availability.maintenance.admin"))("title") };
}

type Window = NonNullable<Awaited<ReturnType<typeof findMaintenanceForAdmin>>>["windows"][number];

/** ADMIN_LPSE's planned maintenance: announce, and the running, upcoming and past windows. */
export default async function MaintenancePage() {
  const actor = await pageActor("/admin/pemeliharaan");
  const data = await unlessForbidden(findMaintenanceForAdmin(actor));
  if (!data) return <ForbiddenMessage />;
  const [t, locale, lpse] = await Promise.all([
    getTranslations("availability.maintenance.admin"),
    getLocale(),
    getLpseProfile(),
  ]);
  const z = (d: Date) => formatInZone(d, lpse.timeZone, locale === "en" ? "en" : "id");
  const now = data.now.getTime();
  const end = (w: Window) => (w.endedAt ?? w.endsAt).getTime();
  const running = data.windows.filter((w) => !w.cancelledAt && w.startsAt.getTime() <= now && now < end(w));
  const upcoming = data.windows.filter((w) => !w.cancelledAt && w.startsAt.getTime() > now).reverse();
  const past = data.windows.filter((w) => w.cancelledAt || end(w) <= now);

  const item = (w: Window, action?: "cancel" | "end") => (
    <li key={w.id} className="space-y-1 border-t border-slate-200 py-3 first:border-t-0">
      <p className="font-medium">{t("period", { from: z(w.startsAt), until: z(w.endsAt) })}</p>
      <p className="whitespace-pre-line text-sm text-slate-700">{w.description}</p>
      <ul className="text-xs text-slate-600">
        <li>{t("by", { name: w.createdBy.name })}</li>
        {w.notifiedAt ? <li>{t("notified", { at: z(w.notifiedAt) })}</li> : null}
        {w.endedAt ? <li>{t("endedEarly", { at: z(w.endedAt) })}</li> : null}
        {w.cancelledAt ? <li>{t("cancelledAt", { at: z(w.cancelledAt) })}</li> : null}
        {w.outage ? <li>{t("recorded")}</li> : null}
      </ul>
      {action ? <MaintenanceWindowButton maintenanceId={w.id} kind={action} /> : null}
    </li>
  );
  const section = (title: string, list: Window[], action?: "cancel" | "end") => (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{title}</h2>
      {list.length ? <ul>{list.map((w) => item(w, action))}</ul> : <p className="text-slate-600">{t("none")}</p>}
    </section>
  );

  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">
          {t("intro", {
            noticeHours: readAvailabilitySettings().maintenanceNoticeHours,
            maxHours: MAINTENANCE_MAX_HOURS,
          })}
        </p>
      </header>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("announce")}</h2>
        <MaintenanceForm timeZone={lpse.timeZone} zone={zoneLabel(data.now, lpse.timeZone)} />
      </Card>
      {section(t("running"), running, "end")}
      {section(t("upcoming"), upcoming, "cancel")}
      {section(t("past"), past)}
    </div>
  );
}
