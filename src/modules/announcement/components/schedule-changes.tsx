import { getTranslations } from "next-intl/server";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { AnnouncementScheduleChange } from "../server/get-announcement";

/**
 * The public record of every schedule change with its reason (the law requires a reason
 * for each; bidders check it against the schedule beside it). Newest first.
 */
export async function ScheduleChanges({
  changes,
  timeZone,
  locale,
}: {
  changes: AnnouncementScheduleChange[];
  timeZone: string;
  locale: DisplayLocale;
}) {
  const [t, a] = await Promise.all([getTranslations("announcement.changes"), getTranslations("announcement")]);
  const when = (date: Date) => <time dateTime={date.toISOString()}>{formatInZone(date, timeZone, locale)}</time>;
  return (
    <section aria-labelledby="perubahan" className="space-y-2" data-testid="schedule-changes">
      <h2 id="perubahan" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {changes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-700">
          {t("empty")}
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <ol className="space-y-3">
            {changes.map((change) => (
              <li key={change.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium">{a(`stage.${change.stageKind}`)}</p>
                <dl className="mt-1 grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">{t("changedAt")}</dt>
                  <dd>{when(change.changedAt)}</dd>
                  <dt className="text-slate-600">{t("before")}</dt>
                  <dd>
                    <del className="text-slate-600">
                      {when(change.oldStartsAt)} – {when(change.oldEndsAt)}
                    </del>
                  </dd>
                  <dt className="text-slate-600">{t("after")}</dt>
                  <dd>
                    <ins className="no-underline font-medium">
                      {when(change.newStartsAt)} – {when(change.newEndsAt)}
                    </ins>
                  </dd>
                  <dt className="text-slate-600">{t("reason")}</dt>
                  <dd className="whitespace-pre-line">{change.reason}</dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
