import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { isSafeText } from "@/lib/safe-text";
import { findPublicAward } from "@/modules/award/server/find-public-award";
import { TenderAwardWithdrawals, WithdrawnResult } from "@/modules/sanggah/components/award-withdrawals";
import { findWithdrawnResult } from "@/modules/sanggah/server/find-award-withdrawals";
import { StageResults } from "@/modules/evaluation/components/stage-results";
import { formatScore } from "@/modules/evaluation/domain/scoring";

// Whether the result is public is decided by the tender's state at the moment of the request.
export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;

/** Before the announcement the page does not exist (404): bidders are only "Peserta n" until then. */
const loadAward = cache(async (code: string) => {
  const award = code.length > 64 || !isSafeText(code) ? null : await findPublicAward(code);
  if (!award) notFound();
  return award;
});

// after an accepted sanggah withdrew the award, until a winner is announced again: what fell and why
const loadWithdrawn = cache(async (code: string) =>
  code.length > 64 || !isSafeText(code) ? null : findWithdrawnResult(code),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { code } = await params;
  const name = (await loadWithdrawn(code))?.tender.name ?? (await loadAward(code)).tender.name;
  const t = await getTranslations("evaluation.public");
  return { title: `${t("title")}: ${name}` };
}

export default async function WinnerPage({ params }: { params: Params }) {
  const { code } = await params;
  const withdrawn = await loadWithdrawn(code);
  const [t, localeValue] = await Promise.all([getTranslations("evaluation"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  if (withdrawn) return <WithdrawnResult result={withdrawn} locale={locale} />;
  const award = await loadAward(code);
  const { tender, winner } = award;

  return (
    <article aria-labelledby="judul" className="space-y-6">
      <p className="text-sm">
        <Link href={`/tender/${tender.code}`} prefetch={false}>
          ← {t("public.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-sm font-medium text-slate-600">
          {t("public.title")} · <span className="font-mono">{tender.code}</span>
        </p>
        <h1 id="judul" className="text-2xl font-semibold break-words">
          {tender.name}
        </h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">{t("public.agency")}</dt>
          <dd>{tender.agencyName}</dd>
          {tender.hps !== null ? (
            <>
              <dt className="text-slate-600">{t("public.hps")}</dt>
              <dd className="tabular-nums">{formatRupiah(tender.hps)}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("public.method")}</dt>
          <dd>{t(`method.${tender.method}`)}</dd>
          <dt className="text-slate-600">{t("public.announcedAt")}</dt>
          <dd>{formatInZone(tender.announcedAt!, tender.timeZone, locale)}</dd>
          {tender.sanggahEndsAt ? (
            <>
              <dt className="text-slate-600">{t("public.sanggahEndsAt")}</dt>
              <dd>{formatInZone(tender.sanggahEndsAt, tender.timeZone, locale)}</dd>
            </>
          ) : null}
        </dl>
      </header>
      <TenderAwardWithdrawals
        tender={{ code: tender.code }}
        isReevaluating={false}
        timeZone={tender.timeZone}
        locale={locale}
      />
      {winner ? (
        <Card className="space-y-2 border-green-300" data-testid="winner">
          <h2 className="text-lg font-semibold">{t("public.winner")}</h2>
          <p className="text-xl font-semibold">{winner.vendorName}</p>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("public.npwp")}</dt>
            <dd className="font-mono">{winner.npwpMasked}</dd>
            <dt className="text-slate-600">{t("public.correctedPrice")}</dt>
            <dd className="tabular-nums font-semibold">{formatRupiah(winner.correctedPrice ?? winner.openedPrice!)}</dd>
          </dl>
        </Card>
      ) : null}
      <Card className="space-y-2">
        <h2 className="text-lg font-semibold">{t("public.reserves")}</h2>
        {award.reserves.length === 0 ? (
          <p className="text-sm">{t("public.noReserves")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {award.reserves.map((r) => (
              <li key={r.bidId}>
                {r.vendorName} ({r.npwpMasked}): {formatRupiah(r.correctedPrice ?? r.openedPrice!)}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <section aria-labelledby="hasil" className="space-y-3">
        <h2 id="hasil" className="text-lg font-semibold">
          {t("public.summary")}
        </h2>
        <Table label={t("public.summary")}>
          <thead>
            <tr>
              <Th>{t("public.rank")}</Th>
              <Th>{t("public.bidder")}</Th>
              <Th>{t("public.openedPrice")}</Th>
              <Th>{t("public.correctedPrice")}</Th>
              <Th>{t("public.summary")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {award.results.map((r) => {
              const total = r.stages.find((s) => s.stage === "HARGA")?.scoreUnits;
              return (
                <tr key={r.bidId}>
                  <Td className="tabular-nums">{r.rank ?? t("public.notRanked")}</Td>
                  <RowHeader>
                    {r.vendorName}
                    <span className="block font-mono text-xs text-slate-600">{r.npwpMasked}</span>
                    {r.role ? <Badge tone="success">{t(`role.${r.role}`)}</Badge> : null}
                  </RowHeader>
                  <Td className="tabular-nums">{r.openedPrice === null ? "-" : formatRupiah(r.openedPrice)}</Td>
                  <Td className="tabular-nums">
                    {r.correctedPrice === null ? "-" : formatRupiah(r.correctedPrice)}
                    {total != null ? (
                      <span className="block text-xs">
                        {t("pokja.total")}: {formatScore(total, locale)}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="min-w-80">
                    <StageResults stages={r.stages} locale={locale} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        <p data-testid="sanggah-ends" className="text-sm text-slate-700">
          {tender.sanggahEndsAt
            ? t("public.sanggahUntil", { at: formatInZone(tender.sanggahEndsAt, tender.timeZone, locale) })
            : t("public.noSanggah")}
        </p>
      </section>
    </article>
  );
}
