import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { findOwnResults } from "@/modules/award/server/find-own-results";
import { StageResults } from "@/modules/evaluation/components/stage-results";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation.own"))("title") };
}

/** A bidder's own evaluation result, with the reason for each stage, after the announcement. */
export default async function OwnResultsPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/penyedia/hasil/${encodeURIComponent(tenderId)}`);
  const view = await orNotFound(findOwnResults(actor, tenderId));
  const [t, localeValue] = await Promise.all([getTranslations("evaluation"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender, result } = view;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("own.title")}</h1>
        <p className="text-slate-700">{tender.name}</p>
      </header>
      {!view.isAnnounced ? (
        <Card role="status" className="space-y-1">
          <p className="font-medium">{t("own.notAnnounced")}</p>
          <p className="text-sm text-slate-700">{t("own.notAnnouncedHint")}</p>
        </Card>
      ) : result === null ? (
        <p role="status">{t("own.noBid")}</p>
      ) : (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">{result.vendorName}</h2>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("own.correctedPrice")}</dt>
            <dd className="tabular-nums">{formatRupiah(result.correctedPrice ?? result.openedPrice!)}</dd>
            <dt className="text-slate-600">{t("own.rank")}</dt>
            <dd>
              {result.rank ?? t("own.notRanked")}{" "}
              {result.role ? <Badge tone="success">{t(`role.${result.role}`)}</Badge> : null}
            </dd>
          </dl>
          <StageResults stages={result.stages} locale={locale} />
        </Card>
      )}
      {view.isAnnounced ? (
        <p>
          <Link href={`/tender/${tender.code}/pemenang`}>{t("own.publicLink")}</Link>
        </p>
      ) : null}
    </div>
  );
}
