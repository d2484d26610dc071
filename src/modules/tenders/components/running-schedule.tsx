import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { toZonedLocal } from "@/lib/zoned-time";
import type { TenderSetupView } from "../server/get-tender-setup";
import { StageChangeForm } from "./stage-change-form";

/**
 * An announced tender's schedule by the database clock, with "Ubah jadwal" on every
 * stage that has not passed. The current stage is the one the worker last recorded.
 */
export async function RunningSchedule({ view }: { view: TenderSetupView }) {
  const [t, localeValue] = await Promise.all([getTranslations("tender"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const { tender, agency, now } = view;
  const zone = agency.timeZone;
  const canChange = ["PUBLISHED", "EVALUATION", "AWARDED"].includes(tender.status);
  const at = (d: Date) => <time dateTime={d.toISOString()}>{formatInZone(d, zone, locale)}</time>;

  return (
    <Card>
      <dl className="mb-4 flex flex-wrap gap-x-8 gap-y-2">
        <div>
          <dt className="text-sm text-slate-600">{t("running.currentStage")}</dt>
          <dd data-testid="current-stage" className="text-lg font-semibold">
            {tender.currentStage ? t(`stage.${tender.currentStage}`) : t("running.noStage")}
          </dd>
        </div>
        {tender.publishedAt ? (
          <div>
            <dt className="text-sm text-slate-600">{t("running.publishedAt")}</dt>
            <dd>{at(tender.publishedAt)}</dd>
          </div>
        ) : null}
      </dl>
      <h2 className="mb-2 text-lg font-semibold">{t("running.scheduleHeading")}</h2>
      <Table label={t("running.scheduleHeading")}>
        <thead>
          <tr>
            <Th>{t("setup.stage")}</Th>
            <Th>{t("setup.start")}</Th>
            <Th>{t("setup.end")}</Th>
            <Th>{t("running.state")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tender.stages.map((stage) => {
            const hasPassed = stage.endsAt <= now;
            const hasStarted = stage.startsAt <= now;
            return (
              <tr key={stage.id} aria-current={tender.currentStage === stage.kind ? "step" : undefined}>
                <RowHeader>
                  {t(`stage.${stage.kind}`)}
                  {canChange && !hasPassed ? (
                    <StageChangeForm
                      tenderId={tender.id}
                      stageId={stage.id}
                      kind={stage.kind}
                      timeZone={zone}
                      startsAt={toZonedLocal(stage.startsAt, zone)}
                      endsAt={toZonedLocal(stage.endsAt, zone)}
                      hasStarted={hasStarted}
                      minHours={stage.minHours}
                    />
                  ) : null}
                </RowHeader>
                <Td className="whitespace-nowrap">{at(stage.startsAt)}</Td>
                <Td className="whitespace-nowrap">{at(stage.endsAt)}</Td>
                <Td>
                  <Badge tone={hasPassed ? "neutral" : hasStarted ? "info" : "warning"}>
                    {t(hasPassed ? "running.passed" : hasStarted ? "running.running" : "running.upcoming")}
                  </Badge>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
