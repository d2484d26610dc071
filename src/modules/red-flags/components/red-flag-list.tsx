import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { RED_FLAG_CODES } from "../domain/codes";
import { detailValues } from "../domain/detail-values";
import { formatCursor, type RedFlagFilter } from "../red-flags.schemas";
import type { RedFlagPage } from "../server/find-red-flags";

const field = "block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/**
 * The list of raised flags with its filters: a GET form and links only, so it works without
 * JavaScript. `page` is null when the filters were wrong (`problems` names them).
 */
export async function RedFlagList(props: {
  filter: Partial<RedFlagFilter>;
  typed: { code?: string; agency?: string; year?: string };
  problems: string[];
  page: RedFlagPage | null;
  choices: { agencies: { id: string; name: string }[]; years: number[] };
  query: URLSearchParams;
}) {
  const [t, localeValue] = await Promise.all([getTranslations("redFlags"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { page, typed, choices, problems } = props;
  const exportQuery = props.query.toString();
  return (
    <section aria-labelledby="daftar" className="space-y-3">
      <h2 id="daftar" className="text-lg font-semibold">
        {t("list.title")}
      </h2>
      <form
        method="get"
        action="/tanda-bahaya"
        className="flex flex-wrap items-end gap-3"
        aria-label={t("list.filters")}
      >
        <label className="text-sm">
          {t("list.flag")}
          <select name="code" defaultValue={typed.code ?? ""} className={field}>
            <option value="">{t("list.all")}</option>
            {RED_FLAG_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`flags.${code}.name`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("list.agency")}
          <select name="agency" defaultValue={typed.agency ?? ""} className={field}>
            <option value="">{t("list.all")}</option>
            {choices.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("list.year")}
          <select name="year" defaultValue={typed.year ?? ""} className={field}>
            <option value="">{t("list.all")}</option>
            {choices.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white">
          {t("list.apply")}
        </button>
        <Link href="/tanda-bahaya" className="text-sm" prefetch={false}>
          {t("list.reset")}
        </Link>
      </form>
      {problems.length ? (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-700">
          {problems.map((p) => (
            <li key={p}>{t(`filterErrors.${p as "code"}`)}</li>
          ))}
        </ul>
      ) : null}
      <p className="flex flex-wrap gap-4 text-sm">
        <a href={`/api/red-flags${exportQuery ? `?${exportQuery}` : ""}`}>{t("list.export")}</a>
        <a href={`/api/red-flags?${new URLSearchParams([...props.query, ["format", "csv"]])}`}>{t("list.exportCsv")}</a>
      </p>
      {page && page.rows.length === 0 ? <p className="text-sm text-slate-600">{t("list.empty")}</p> : null}
      {page && page.rows.length > 0 ? (
        <Table label={t("list.title")}>
          <thead>
            <tr>
              <Th>{t("list.tender")}</Th>
              <Th>{t("list.flag")}</Th>
              <Th>{t("list.detail")}</Th>
              <Th>{t("list.agency")}</Th>
              <Th>{t("list.year")}</Th>
              <Th>{t("list.raisedAt")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100" data-testid="red-flag-rows">
            {page.rows.map((r) => (
              <tr key={r.id} data-flag={r.code}>
                <RowHeader>
                  <Link href={`/tender/${r.tender.code}`} prefetch={false} className="font-mono">
                    {r.tender.code}
                  </Link>
                  <span className="block font-normal">{r.tender.name}</span>
                </RowHeader>
                <Td>
                  <Link href={`#${r.code}`}>{t(`flags.${r.code}.name`)}</Link>
                </Td>
                <Td>{t(`flags.${r.code}.detail`, detailValues(r.code, r.detail))}</Td>
                <Td>{r.agency.name}</Td>
                <Td>{r.fiscalYear}</Td>
                <Td className="whitespace-nowrap">{formatInZone(r.raisedAt, r.agency.timeZone, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {page ? (
        <KeysetPager
          basePath="/tanda-bahaya"
          query={props.query}
          olderThan={page.olderThan ? formatCursor(page.olderThan) : null}
          isFirst={!props.filter.before}
          labels={{ nav: t("list.pager"), newest: t("list.newest"), older: t("list.older") }}
        />
      ) : null}
    </section>
  );
}
