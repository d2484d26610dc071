import { getTranslations } from "next-intl/server";
import type { DisplayLocale } from "@/lib/time";
import { formatInZone } from "@/lib/time";
import type { Blocker } from "../domain/closing";
import type { Window } from "../domain/windows";

/** The masa sanggah, the answer deadline and, when asked, what still blocks the SPPBJ. */
export async function WindowsSummary(props: {
  windows: { filing: Window; answerDeadline: Date } | null;
  blockers?: Blocker[];
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("remedies");
  const at = (d: Date) => formatInZone(d, props.timeZone, props.locale);
  if (!props.windows) return <p className="text-sm text-slate-700">{t("common.notAnnounced")}</p>;
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>{t("common.windowFiling", { start: at(props.windows.filing.start), end: at(props.windows.filing.end) })}</p>
      <p>{t("common.windowAnswer", { at: at(props.windows.answerDeadline) })}</p>
      {props.blockers?.length ? (
        <ul className="list-disc pl-5 text-amber-900">
          {props.blockers.map((b, i) => (
            <li key={i}>{t(`blocker.${b.key}`, { until: b.until ? at(b.until) : "" })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
