import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { findTenderCompensations } from "../server/find-tender-compensations";
import { CompensationAdditionForm } from "./compensation-addition-form";

/**
 * The Pokja's view of the time given back to its tender (issue 13): each compensation with
 * its outage, the stage, the time lost and given, the old and new end, the Pokja's additions,
 * and the form to add more while the stage runs.
 */
export async function TenderCompensations({
  actor,
  tenderId,
  timeZone,
}: {
  actor: Actor;
  tenderId: string;
  timeZone: string;
}) {
  const [rows, t, tStage, localeValue] = await Promise.all([
    findTenderCompensations(actor, tenderId),
    getTranslations("availability.compensation"),
    getTranslations("tender.stage"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const at = (d: Date) => formatInZone(d, timeZone, locale);
  const span = (seconds: number) => {
    const minutes = Math.ceil(seconds / 60);
    return minutes < 60
      ? t("minutes", { minutes })
      : t("hoursMinutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("none")} />
      ) : (
        <ul className="space-y-4" aria-label={t("title")}>
          {rows.map((c) => {
            const stage = tStage(c.stageKind);
            return (
              <li key={c.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                  <dt className="font-medium">{t("outage")}</dt>
                  <dd>
                    {at(c.outage.startsAt)} – {c.outage.endsAt ? at(c.outage.endsAt) : ""} ·{" "}
                    {t(`cause.${c.outage.cause}`)} ({t(`scope.${c.outage.scope}`)})
                    {c.outage.description ? `: ${c.outage.description}` : ""}
                  </dd>
                  <dt className="font-medium">{t("stage")}</dt>
                  <dd>{stage}</dd>
                  <dt className="font-medium">{t("lost")}</dt>
                  <dd>{span(c.lostSeconds)}</dd>
                  <dt className="font-medium">{t("extension")}</dt>
                  <dd>{span(c.extensionSeconds)}</dd>
                  <dt className="font-medium">{t("end")}</dt>
                  <dd>{t("endChange", { old: at(c.oldEndsAt), new: at(c.newEndsAt) })}</dd>
                </dl>
                {c.additions.length > 0 ? (
                  <div className="mt-2">
                    <h3 className="font-medium">{t("additions")}</h3>
                    <ul className="list-disc pl-5">
                      {c.additions.map((a) => (
                        <li key={a.id}>
                          {t("addition", {
                            hours: a.seconds / 3600,
                            name: a.addedBy.name,
                            at: at(a.createdAt),
                            reason: a.reason,
                          })}{" "}
                          ({t("endChange", { old: at(a.oldEndsAt), new: at(a.newEndsAt) })})
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {c.canAdd ? (
                  <CompensationAdditionForm compensationId={c.id} stage={stage} />
                ) : (
                  <p className="mt-2 text-slate-600">{t("stageEnded")}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
