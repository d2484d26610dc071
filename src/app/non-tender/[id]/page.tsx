import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone, formatInZone } from "@/lib/time";
import { NonTenderDocumentsUpload } from "@/modules/non-tender/components/non-tender-documents-upload";
import { getNonTenderRecord } from "@/modules/non-tender/server/get-non-tender-record";
import { getActor } from "@/server/session";
import { orNotFound, pageId } from "@/server/page-access";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("procurement.nonTender"))("title") };
}

export default async function NonTenderDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await getActor();
  const record = await orNotFound(getNonTenderRecord(actor, id));
  const [t, c, localeValue] = await Promise.all([
    getTranslations("procurement.nonTender"),
    getTranslations("common"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const zone = record.agency.timeZone;

  return (
    <article className="space-y-6">
      <Link href="/non-tender" className="text-sm">
        {t("back")}
      </Link>
      <header className="space-y-2">
        <p>
          <Badge tone="warning">{t("badge")}</Badge> <Badge>{t(`kindName.${record.kind}`)}</Badge>
        </p>
        <h1 className="text-2xl font-semibold">{record.name}</h1>
        <p className="text-sm text-slate-700">{t("detailIntro")}</p>
      </header>
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("agency")}</dt>
          <dd>{record.agency.name}</dd>
          <dt className="text-slate-600">{t("workUnit")}</dt>
          <dd>{record.workUnitName ?? c("none")}</dd>
          <dt className="text-slate-600">{t("rupCode")}</dt>
          <dd className="font-mono">{record.rupCode ?? c("none")}</dd>
          <dt className="text-slate-600">{t("category")}</dt>
          <dd>{c(`category.${record.category}`)}</dd>
          <dt className="text-slate-600">{t("value")}</dt>
          <dd className="tabular-nums">{formatRupiah(record.value)}</dd>
          <dt className="text-slate-600">{t("vendorName")}</dt>
          <dd>{record.vendorName}</dd>
          <dt className="text-slate-600">{t("realizedOn")}</dt>
          <dd>{formatDateInZone(record.realizedOn, zone, locale)}</dd>
          <dt className="text-slate-600">{t("recordedAt")}</dt>
          <dd>{formatInZone(record.recordedAt, zone, locale)}</dd>
        </dl>
      </Card>
      <section aria-labelledby="alasan" className="space-y-2">
        <h2 id="alasan" className="text-lg font-semibold">
          {t("reason")}
        </h2>
        <p className="whitespace-pre-line">{record.reason}</p>
      </section>
      <section aria-labelledby="dokumen" className="space-y-3">
        <h2 id="dokumen" className="text-lg font-semibold">
          {t("documents")}
        </h2>
        {record.documents.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noDocuments")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {record.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/documents/${d.id}`} aria-label={t("download", { name: d.fileName })}>
                  {d.fileName}
                </a>{" "}
                <span className="text-slate-600">
                  · {t(`documentKind.${d.kind}`)} · {Math.max(1, Math.round(Number(d.sizeBytes) / 1024))} KB
                </span>
                <span className="block font-mono text-xs break-all text-slate-500">SHA-256 {d.sha256}</span>
              </li>
            ))}
          </ul>
        )}
        {record.canManage ? (
          <Card className="space-y-2">
            <h3 className="font-semibold">{t("upload.title")}</h3>
            <NonTenderDocumentsUpload recordId={record.id} unpublished={record.unpublished} />
          </Card>
        ) : null}
      </section>
    </article>
  );
}
