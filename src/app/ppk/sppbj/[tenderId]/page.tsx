import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { RequestPenunjukanLangsungForm } from "@/modules/failure/components/failure-forms";
import { SanggahItem } from "@/modules/sanggah/components/sanggah-item";
import { WindowsSummary } from "@/modules/sanggah/components/windows-summary";
import { getSppbjView } from "@/modules/sanggah/server/get-sanggah-views";
import { IssueSppbjButton } from "@/modules/sppbj/components/issue-sppbj-button";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("remedies.sppbj"))("title") };
}

/** The PPK's SPPBJ page: the windows, what still blocks, the button once nothing does, and the letter. */
export default async function PpkSppbjPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/ppk/sppbj/${tenderId}`);
  const view = await orNotFound(getSppbjView(actor, tenderId));
  const [t, localeValue] = await Promise.all([getTranslations("remedies.sppbj"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender } = view;
  const isAwarded = tender.status === "AWARDED";

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{tender.name}</p>
      </header>
      <Card className="space-y-3">
        <h2 className="font-semibold">{t("windows")}</h2>
        <WindowsSummary windows={view.windows} blockers={view.blockers} timeZone={tender.timeZone} locale={locale} />
        {view.sppbj && view.sppbjIssuedAt ? (
          <p className="text-sm">
            {t("issuedAt", { at: formatInZone(view.sppbjIssuedAt, tender.timeZone, locale) })}{" "}
            <a href={`/api/documents/${view.sppbj.id}`}>{t("download", { fileName: view.sppbj.fileName })}</a>
          </p>
        ) : !isAwarded ? (
          <p className="text-sm">{t("notAwarded")}</p>
        ) : view.blockers.length ? (
          <p role="status" className="text-sm font-medium text-amber-900">
            {t("blocked")}
          </p>
        ) : (
          <>
            <p role="status" className="text-sm text-green-800">
              {t("ready")}
            </p>
            <IssueSppbjButton tenderId={tender.id} />
          </>
        )}
      </Card>
      {view.sanggahs.map((s) => (
        <Card key={s.id}>
          <SanggahItem item={s} timeZone={tender.timeZone} locale={locale} showVendor />
        </Card>
      ))}
      {view.mayRequestPl ? (
        <Card className="space-y-3">
          <h2 className="font-semibold">{t("plTitle")}</h2>
          <p className="text-sm text-slate-700">{t("plIntro")}</p>
          <RequestPenunjukanLangsungForm tenderId={tender.id} />
        </Card>
      ) : null}
    </div>
  );
}
