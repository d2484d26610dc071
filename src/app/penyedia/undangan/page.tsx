import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { QuotationForm } from "@/modules/direct-procurement/components/quotation-form";
import { findVendorInvitations } from "@/modules/direct-procurement/server/find-vendor-invitations";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("procurement.invitations"))("title") };
}

export default async function InvitationsPage() {
  const actor = await pageActor("/penyedia/undangan");
  const invitations = await unlessForbidden(findVendorInvitations(actor));
  if (!invitations) return <ForbiddenMessage />;
  const [t, d, c, localeValue] = await Promise.all([
    getTranslations("procurement.invitations"),
    getTranslations("procurement.direct"),
    getTranslations("common"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      {invitations.length === 0 ? <EmptyState title={t("empty")} /> : null}
      <ul className="space-y-4">
        {invitations.map((inv) => (
          <li key={inv.id}>
            <Card className="space-y-3" data-testid="invitation">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="font-semibold">{inv.paketName}</h2>
                <Badge tone={inv.status === "COMPLETED" ? "success" : inv.status === "CANCELLED" ? "danger" : "info"}>
                  {d(`step.${inv.status}`)}
                </Badge>
              </div>
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-slate-600">{t("agency")}</dt>
                <dd>{inv.agencyName}</dd>
                <dt className="text-slate-600">{d("category")}</dt>
                <dd>{c(`category.${inv.category}`)}</dd>
                <dt className="text-slate-600">{t("location")}</dt>
                <dd>{inv.location}</dd>
                <dt className="text-slate-600">{t("hps")}</dt>
                <dd className="tabular-nums">{inv.hps === null ? c("none") : formatRupiah(inv.hps)}</dd>
                <dt className="text-slate-600">{t("invitedAt")}</dt>
                <dd>{formatInZone(inv.invitedAt, inv.agencyTimeZone, locale)}</dd>
                {inv.quotedPrice !== null ? (
                  <>
                    <dt className="text-slate-600">{t("quotedPrice")}</dt>
                    <dd className="tabular-nums">
                      {formatRupiah(inv.quotedPrice)}
                      {inv.quotedAt ? ` — ${formatInZone(inv.quotedAt, inv.agencyTimeZone, locale)}` : ""}
                    </dd>
                  </>
                ) : null}
                {inv.negotiatedPrice !== null ? (
                  <>
                    <dt className="text-slate-600">{t("negotiatedPrice")}</dt>
                    <dd className="tabular-nums">{formatRupiah(inv.negotiatedPrice)}</dd>
                  </>
                ) : null}
                {inv.contractNumber && inv.contractValue !== null ? (
                  <>
                    <dt className="text-slate-600">{t("contract")}</dt>
                    <dd>{`${inv.contractNumber} — ${formatRupiah(inv.contractValue)}`}</dd>
                  </>
                ) : null}
              </dl>
              {inv.status === "INVITED" && inv.hps !== null ? (
                <QuotationForm directProcurementId={inv.id} hps={formatRupiah(inv.hps)} />
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
