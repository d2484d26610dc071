import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { DecidePenunjukanLangsungForm } from "@/modules/failure/components/failure-forms";
import { AnswerForm } from "@/modules/sanggah/components/sanggah-forms";
import { SanggahItem } from "@/modules/sanggah/components/sanggah-item";
import { findKpaDesk } from "@/modules/sanggah/server/find-kpa-desk";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("remedies.kpa"))("title") };
}

/** The PA/KPA's desk: sanggah banding to answer, penunjukan langsung to decide, in the actor's agencies only. */
export default async function KpaPage() {
  const actor = await pageActor("/kpa");
  const [desk, t, localeValue] = await Promise.all([findKpaDesk(actor), getTranslations("remedies.kpa"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("bandingsTitle")}</h2>
        {desk.bandings.length === 0 ? <EmptyState title={t("bandingsEmpty")} /> : null}
        {desk.bandings.map((b) => {
          const zone = b.tender.paket.agency.timeZone;
          return (
            <Card key={b.id} className="space-y-4">
              <p className="text-sm">
                <span className="font-mono">{b.tender.code}</span> · {b.tender.paket.name}
              </p>
              {b.appealed ? (
                <div className="rounded-md bg-slate-50 p-3 text-sm">
                  <p className="font-medium">{t("appealed")}</p>
                  <p className="whitespace-pre-line">{b.appealed.body}</p>
                  <p className="mt-2 font-medium">{t("pokjaAnswer")}</p>
                  <p className="whitespace-pre-line">{b.appealed.answer}</p>
                </div>
              ) : null}
              <SanggahItem
                item={{ ...b, kind: "SANGGAH_BANDING", answer: null, answeredAt: null, decision: null }}
                timeZone={zone}
                locale={locale}
                showVendor
              />
              <AnswerForm kind="SANGGAH_BANDING" id={b.id} />
            </Card>
          );
        })}
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("plTitle")}</h2>
        {desk.requests.length === 0 ? <EmptyState title={t("plEmpty")} /> : null}
        {desk.requests.map((r) => (
          <Card key={r.id} className="space-y-3">
            <p className="text-sm">
              <span className="font-mono">{r.failedTender.code}</span> · {r.failedTender.paket.name} ·{" "}
              {t("plRequested", { at: formatInZone(r.requestedAt, r.failedTender.paket.agency.timeZone, locale) })}
            </p>
            {r.failedTender.endReason ? (
              <p className="text-sm">{t("plFailure", { reason: r.failedTender.endReason })}</p>
            ) : null}
            <p className="whitespace-pre-line">{r.justification}</p>
            {r.vendorName ? <p className="text-sm">{t("plVendor", { name: r.vendorName })}</p> : null}
            <DecidePenunjukanLangsungForm requestId={r.id} />
          </Card>
        ))}
      </section>
    </div>
  );
}
