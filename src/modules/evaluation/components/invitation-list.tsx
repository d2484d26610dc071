import { useTranslations } from "next-intl";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import type { InvitationView } from "../server/find-evaluation-invitations";

/** Invitations as the bidder and the Pokja read them: what for, when, where, what to bring. */
export function InvitationList({
  invitations,
  timeZone,
  locale,
}: {
  invitations: InvitationView[];
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = useTranslations("evaluation.invitation");
  const at = (d: Date) => formatInZone(d, timeZone, locale);
  if (invitations.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="space-y-3" data-testid="invitations">
      {invitations.map((i) => (
        <li key={i.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <p className="font-medium">{t(`kinds.${i.kind}`)}</p>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("whenLabel")}</dt>
            <dd>{at(i.at)}</dd>
            <dt className="text-slate-600">{t("place")}</dt>
            <dd className="whitespace-pre-line">{i.place}</dd>
            <dt className="text-slate-600">{t("note")}</dt>
            <dd className="whitespace-pre-line">{i.note}</dd>
            {i.vendorNames ? (
              <>
                <dt className="text-slate-600">{t("bidders")}</dt>
                <dd>{i.vendorNames.join(", ")}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("sentAt")}</dt>
            <dd>
              {at(i.sentAt)}
              {i.sentByName ? ` · ${i.sentByName}` : ""}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
