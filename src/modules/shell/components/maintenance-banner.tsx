import { getLocale, getTranslations } from "next-intl/server";
import { findMaintenanceState } from "@/modules/availability";
import { getLpseProfile } from "@/modules/lpse";
import { formatInZone } from "@/lib/time";

/**
 * The announcement of maintenance on every page (docs/decisions/0040): the running window
 * ("read only") or the next one within the banner's days. It depends on the clock and the
 * windows only, never on the visitor, so a page shared by everyone may carry it; it is as
 * fresh as the page cache and the few seconds findMaintenanceState keeps it.
 */
export async function MaintenanceBanner() {
  const { running, next } = await findMaintenanceState();
  const window = running ?? next;
  if (!window) return null;
  const [t, locale, lpse] = await Promise.all([
    getTranslations("availability.maintenance.banner"),
    getLocale(),
    getLpseProfile(),
  ]);
  const z = (d: Date) => formatInZone(d, lpse.timeZone, locale === "en" ? "en" : "id");
  const until = z(window.endedAt ?? window.endsAt);
  return (
    <section aria-label={t("label")} className={running ? "bg-amber-100 text-amber-950" : "bg-sky-50 text-sky-950"}>
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm font-medium">
        {running ? t("running", { until }) : t("next", { from: z(window.startsAt), until })}
      </p>
    </section>
  );
}
