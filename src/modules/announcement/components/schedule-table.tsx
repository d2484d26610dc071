import { getTranslations } from "next-intl/server";
import { TimeInZone } from "@/modules/clock/components";
import { Table, Th } from "@/components/ui/table";
import type { DisplayLocale } from "@/lib/time";
import type { AnnouncementStage } from "../server/get-announcement";
import { LiveScheduleRows } from "./live-stage";

/**
 * Every stage with its window in the agency's zone; the stage running now stands out,
 * worked out in the browser by the server's clock (inside a ServerClockProvider).
 */
export async function ScheduleTable({
  stages,
  timeZone,
  locale,
  isEnded,
}: {
  stages: AnnouncementStage[];
  timeZone: string;
  locale: DisplayLocale;
  isEnded: boolean;
}) {
  const [t, a] = await Promise.all([getTranslations("announcement.schedule"), getTranslations("announcement")]);
  return (
    <section aria-labelledby="jadwal" className="min-w-0 space-y-2" data-testid="schedule">
      <h2 id="jadwal" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {stages.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("stage")}</Th>
              <Th>{t("start")}</Th>
              <Th>{t("end")}</Th>
            </tr>
          </thead>
          <LiveScheduleRows stages={toLiveStages(stages, a, timeZone, locale)} nowLabel={t("now")} isEnded={isEnded} />
        </Table>
      )}
    </section>
  );
}

/** The stages as the browser's clock components take them: plain numbers and words. */
export function toLiveStages(
  stages: AnnouncementStage[],
  a: (key: `stage.${AnnouncementStage["kind"]}`) => string,
  timeZone: string,
  locale: DisplayLocale,
) {
  return stages.map((s) => ({
    id: s.id,
    kind: s.kind,
    startsAt: s.startsAt.getTime(),
    endsAt: s.endsAt.getTime(),
    label: a(`stage.${s.kind}`),
    start: <TimeInZone at={s.startsAt} timeZone={timeZone} locale={locale} />,
    end: <TimeInZone at={s.endsAt} timeZone={timeZone} locale={locale} />,
  }));
}
