import { getTranslations } from "next-intl/server";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { PROCUREMENT_METHODS } from "@/modules/paket/domain";
import type { RedFlagCode } from "../domain/codes";
import { thresholdValues } from "../domain/detail-values";
import { RED_FLAG_DEFINITIONS, RED_FLAG_SOURCES, type RedFlagThresholds } from "../domain/flags";

/**
 * The one table of the flags (domain/flags.ts) for the public: what each measures, its
 * threshold as configured on this portal, what it is and is not, its sources, and how many
 * tenders carry it under the chosen agency and year. Each row is an anchor (#CODE) the
 * tender page links to.
 */
export async function RedFlagDefinitions({
  thresholds,
  counts,
}: {
  thresholds: RedFlagThresholds;
  counts: Map<RedFlagCode, number>;
}) {
  const [t, c] = await Promise.all([getTranslations("redFlags"), getTranslations("common")]);
  const threshold = (code: RedFlagCode) => {
    if (code !== "SHORT_BID_PERIOD") return t(`thresholds.${code}`, thresholdValues(code, thresholds));
    const norms = PROCUREMENT_METHODS.flatMap((method) => {
      const hours = thresholds.bidPeriodNormHours[method];
      return hours === null ? [] : [t("thresholds.normItem", { method: c(`method.${method}`), hours })];
    });
    return t("thresholds.SHORT_BID_PERIOD", { norms: norms.join("; ") });
  };
  return (
    <section aria-labelledby="definisi" className="space-y-2">
      <h2 id="definisi" className="text-lg font-semibold">
        {t("definitions.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("definitions.configNote")}</p>
      <Table label={t("definitions.title")}>
        <thead>
          <tr>
            <Th>{t("definitions.flag")}</Th>
            <Th>{t("definitions.measures")}</Th>
            <Th>{t("definitions.threshold")}</Th>
            <Th>{t("definitions.is")}</Th>
            <Th>{t("definitions.isNot")}</Th>
            <Th>{t("definitions.sources")}</Th>
            <Th className="text-right">{t("definitions.count")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {RED_FLAG_DEFINITIONS.map((d) => (
            <tr key={d.code} id={d.code} data-flag={d.code}>
              <RowHeader>
                {t(`flags.${d.code}.name`)}
                <span className="block font-mono text-xs font-normal text-slate-500">{d.code}</span>
              </RowHeader>
              <Td>{t(`flags.${d.code}.measures`)}</Td>
              <Td>{threshold(d.code)}</Td>
              <Td>{t(`flags.${d.code}.is`)}</Td>
              <Td>{t(`flags.${d.code}.isNot`)}</Td>
              <Td>
                <ul className="space-y-1">
                  {d.sources.map((s) => (
                    <li key={s}>
                      <a href={RED_FLAG_SOURCES[s].url} rel="noopener noreferrer">
                        {RED_FLAG_SOURCES[s].name}
                      </a>
                    </li>
                  ))}
                </ul>
              </Td>
              <Td className="text-right tabular-nums" data-testid={`count-${d.code}`}>
                {counts.get(d.code) ?? 0}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
