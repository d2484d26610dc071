import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { TenderSetupView } from "../server/get-tender-setup";

/** Every change of the schedule with its reason: the same history the public sees. */
export async function ScheduleHistory({ view }: { view: TenderSetupView }) {
  const [t, localeValue] = await Promise.all([getTranslations("tender"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const zone = view.agency.timeZone;
  const at = (d: Date) => formatInZone(d, zone, locale);
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">{t("running.historyHeading")}</h2>
      {view.changes.length === 0 ? (
        <EmptyState title={t("running.noHistory")} />
      ) : (
        <Table label={t("running.historyLabel")}>
          <thead>
            <tr>
              <Th>{t("running.changedAt")}</Th>
              <Th>{t("setup.stage")}</Th>
              <Th>{t("running.oldSchedule")}</Th>
              <Th>{t("running.newSchedule")}</Th>
              <Th>{t("running.reason")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.changes.map((c) => (
              <tr key={c.id}>
                <RowHeader className="whitespace-nowrap">{at(c.changedAt)}</RowHeader>
                <Td>{t(`stage.${c.stageKind}`)}</Td>
                <Td className="whitespace-nowrap">
                  {at(c.oldStartsAt)} – {at(c.oldEndsAt)}
                </Td>
                <Td className="whitespace-nowrap">
                  {at(c.newStartsAt)} – {at(c.newEndsAt)}
                </Td>
                <Td className="min-w-48">{c.reason}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
