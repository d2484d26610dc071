import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { AnnouncementStage } from "../server/get-announcement";

/** Every stage with its window in the agency's zone; the stage running now stands out. */
export async function ScheduleTable({ stages, timeZone, locale }: { stages: AnnouncementStage[]; timeZone: string; locale: DisplayLocale }) {
  const [t, a] = await Promise.all([getTranslations("announcement.schedule"), getTranslations("announcement")]);
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatInZone(date, timeZone, locale)}</time>;
  return (
    <section aria-labelledby="jadwal" className="space-y-2" data-testid="schedule">
      <h2 id="jadwal" className="text-lg font-semibold">{t("title")}</h2>
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
          <tbody className="divide-y divide-slate-100">
            {stages.map((stage) => (
              <tr key={stage.id} aria-current={stage.isCurrent ? "step" : undefined} className={stage.isCurrent ? "bg-brand-50" : undefined}>
                <RowHeader className={stage.isCurrent ? "border-l-4 border-brand-700" : undefined}>
                  {a(`stage.${stage.kind}`)}
                  {/* Said in words too: the highlight alone would be colour only. */}
                  {stage.isCurrent ? <span className="ml-2"><Badge tone="info">{t("now")}</Badge></span> : null}
                </RowHeader>
                <Td className="whitespace-nowrap">{when(stage.startsAt)}</Td>
                <Td className="whitespace-nowrap">{when(stage.endsAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
