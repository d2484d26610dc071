import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone, type DisplayLocale } from "@/lib/time";
import type { Announcement } from "../server/get-announcement";
import { StructuredRequirements } from "./structured-requirements";

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="border-b border-slate-100 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

/** The paket's public facts. HPS is the total only; the breakdown is never loaded. */
export async function AnnouncementDetails({
  announcement: a,
  locale,
}: {
  announcement: Announcement;
  locale: DisplayLocale;
}) {
  const [t, c, n, q] = await Promise.all([
    getTranslations("announcement.details"),
    getTranslations("common"),
    getTranslations("announcement"),
    getTranslations("qualification.requirements"),
  ]);
  return (
    <section aria-labelledby="informasi" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="informasi" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="mt-2">
        <Item term={t("rupCode")}>
          <span className="font-mono text-sm">{a.rupCode}</span>
        </Item>
        <Item term={t("agency")}>{a.agencyName}</Item>
        <Item term={t("workUnit")}>{a.workUnitName}</Item>
        <Item term={t("category")}>{c(`category.${a.category}`)}</Item>
        <Item term={t("method")}>{c(`method.${a.method}`)}</Item>
        <Item term={t("fiscalYear")}>{a.fiscalYear}</Item>
        <Item term={t("pagu")}>
          <span className="tabular-nums">{formatRupiah(a.pagu)}</span>
        </Item>
        <Item term={t("hps")}>
          <span className="tabular-nums">{a.hps === null ? c("none") : formatRupiah(a.hps)}</span>
          <span className="block text-xs text-slate-600">{t("hpsNote")}</span>
        </Item>
        <Item term={t("fundingSource")}>{a.fundingSource}</Item>
        <Item term={t("location")}>{a.location}</Item>
        <Item term={t("evaluationMethod")}>
          {a.evaluationMethod ? n(`evaluationMethod.${a.evaluationMethod}`) : c("none")}
        </Item>
        <Item term={t("bidSecurity")}>
          {a.bidSecurityAmount === null ? (
            t("noBidSecurity")
          ) : (
            <span className="tabular-nums">{formatRupiah(a.bidSecurityAmount)}</span>
          )}
        </Item>
        {a.publishedAt ? (
          <Item term={t("publishedAt")}>
            <time dateTime={a.publishedAt.toISOString()}>{formatDateInZone(a.publishedAt, a.timeZone, locale)}</time>
          </Item>
        ) : null}
        <Item term={t("qualification")}>
          {/* Pokja text, kept as typed: line breaks matter in a list of requirements. */}
          {a.qualification ? <p className="whitespace-pre-line">{a.qualification}</p> : t("noQualification")}
        </Item>
        <Item term={q("heading")}>
          <StructuredRequirements requirements={a.qualificationRequirements} bidParts={a.bidParts} />
        </Item>
        {a.requiredKbli.length + a.requiredPermits.length > 0 ? (
          <Item term={t("requirements")}>
            <ul className="list-disc pl-5">
              {a.requiredKbli.length ? (
                <li>
                  {t("requiredKbli")}: <span className="font-mono text-sm">{a.requiredKbli.join(", ")}</span>
                </li>
              ) : null}
              {a.requiredPermits.length ? (
                <li>
                  {t("requiredPermits")}: {a.requiredPermits.join(", ")}
                </li>
              ) : null}
            </ul>
            {a.method === "TENDER_CEPAT" ? (
              <p className="mt-1 text-sm text-slate-700">{t("requirementsCepat")}</p>
            ) : null}
          </Item>
        ) : null}
      </dl>
    </section>
  );
}
