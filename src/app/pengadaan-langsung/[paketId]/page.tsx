import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import {
  CancelForm,
  CompleteForm,
  InviteVendorForm,
  NegotiationForm,
} from "@/modules/direct-procurement/components/direct-procurement-forms";
import { priceCeiling } from "@/modules/direct-procurement/domain/direct-procurement-rules";
import { findVerifiedVendors } from "@/modules/direct-procurement/server/find-verified-vendors";
import { getOwnDirectPaket } from "@/modules/direct-procurement/server/get-own-direct-paket";
import { isAppError } from "@/server/errors";
import { pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("procurement.direct"))("title") };
}

export default async function DirectProcurementPage({ params }: { params: Promise<{ paketId: string }> }) {
  const paketId = pageId((await params).paketId);
  const actor = await pageActor(`/pengadaan-langsung/${paketId}`);
  const paket = await getOwnDirectPaket(actor, paketId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!paket) return <ForbiddenMessage />;
  const [t, c, localeValue] = await Promise.all([
    getTranslations("procurement.direct"),
    getTranslations("common"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (d: Date | null) => (d ? formatInZone(d, paket.agency.timeZone, locale) : t("notYet"));
  const dp = paket.directProcurement;
  const canInvite = !dp && paket.status === "HANDED_OVER";
  const vendors = canInvite ? await findVerifiedVendors(actor) : [];
  const ceiling = dp ? priceCeiling(dp) : null;
  const isOpen = dp !== null && dp.status !== "COMPLETED" && dp.status !== "CANCELLED";

  return (
    <div className="space-y-6">
      <Link href="/pengadaan-langsung" className="text-sm">
        {t("back")}
      </Link>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{paket.name}</h1>
        <p className="flex flex-wrap gap-2">
          <Badge>{c(`paketStatus.${paket.status}`)}</Badge>
          {dp ? <Badge tone="info">{t(`step.${dp.status}`)}</Badge> : null}
        </p>
      </header>

      <Card>
        <h2 className="mb-3 font-semibold">{t("details")}</h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("rupCode")}</dt>
          <dd className="font-mono">{paket.rupCode}</dd>
          <dt className="text-slate-600">{t("agency")}</dt>
          <dd>{paket.agency.name}</dd>
          <dt className="text-slate-600">{t("workUnit")}</dt>
          <dd>{paket.workUnit.name}</dd>
          <dt className="text-slate-600">{t("category")}</dt>
          <dd>{c(`category.${paket.category}`)}</dd>
          <dt className="text-slate-600">{t("location")}</dt>
          <dd>{paket.location}</dd>
          <dt className="text-slate-600">{t("hps")}</dt>
          <dd className="tabular-nums">{paket.hps === null ? c("none") : formatRupiah(paket.hps)}</dd>
        </dl>
      </Card>

      {dp ? (
        <Card>
          <h2 className="mb-3 font-semibold">{t("timeline")}</h2>
          <ol className="space-y-2 text-sm">
            <li>
              {t("invitedAt", { vendor: dp.vendor.name })} —{" "}
              <time dateTime={dp.invitedAt.toISOString()}>{at(dp.invitedAt)}</time>
            </li>
            <li>
              {t("quotedAt", { price: dp.quotedPrice === null ? t("notYet") : formatRupiah(dp.quotedPrice) })}
              {dp.quotedAt ? ` — ${at(dp.quotedAt)}` : ""}
            </li>
            {dp.negotiatedPrice !== null ? (
              <li>
                {t("negotiated", { price: formatRupiah(dp.negotiatedPrice) })}
                {dp.negotiationNote ? <p className="whitespace-pre-line text-slate-600">{dp.negotiationNote}</p> : null}
              </li>
            ) : null}
            {dp.contractNumber && dp.contractValue !== null ? (
              <li>
                {t("completed", { number: dp.contractNumber, value: formatRupiah(dp.contractValue) })} —{" "}
                {at(dp.completedAt)}
              </li>
            ) : null}
          </ol>
        </Card>
      ) : null}

      {canInvite ? (
        <Card className="space-y-3">
          <h2 className="font-semibold">{t("invite.title")}</h2>
          <InviteVendorForm paketId={paket.id} vendors={vendors} />
        </Card>
      ) : null}

      {isOpen && ceiling !== null ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Card className="space-y-3">
            <h2 className="font-semibold">{t("negotiate.title")}</h2>
            <NegotiationForm paketId={paket.id} ceiling={formatRupiah(ceiling)} />
          </Card>
          <Card className="space-y-3">
            <h2 className="font-semibold">{t("complete.title")}</h2>
            <CompleteForm paketId={paket.id} ceiling={formatRupiah(ceiling)} />
          </Card>
        </div>
      ) : null}

      {isOpen ? (
        <Card className="space-y-3">
          <h2 className="font-semibold">{t("cancel.title")}</h2>
          <CancelForm paketId={paket.id} />
        </Card>
      ) : null}
    </div>
  );
}
