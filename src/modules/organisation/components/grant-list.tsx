import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatDateInZone, type DisplayLocale } from "@/lib/time";
import type { GrantRow, GrantState } from "../domain/role-grants";
import { RevokeRoleButton } from "./person-forms";

const TONES: Record<GrantState, Tone> = {
  active: "success",
  scheduled: "info",
  expired: "warning",
  revoked: "neutral",
};

/**
 * A person's grants, current first then history: role, decree, validity, who granted and
 * who revoked. A current or future grant has its revoke button (the server decides again).
 */
export function GrantList({
  grants,
  personName,
  timeZone,
  locale,
}: {
  grants: GrantRow[];
  personName: string;
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = useTranslations("organisation.people");
  const tRoles = useTranslations("organisation.roles");
  const day = (d: Date) => formatDateInZone(d, timeZone, locale);
  // validUntil is the instant after the decree's last day: show that last day.
  const lastDay = (d: Date) => day(new Date(d.getTime() - 1));
  return (
    <ul className="space-y-2">
      {grants.map((g) => (
        <li key={g.id} className="flex flex-wrap items-start justify-between gap-2 text-sm" data-testid="grant-row">
          <div className="space-y-0.5">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{tRoles(g.role)}</span>
              <Badge tone={TONES[g.state]}>{t(`states.${g.state}`)}</Badge>
            </p>
            <p className="text-slate-600">
              {g.skNumber ? `${t("sk", { number: g.skNumber })} · ` : null}
              {t("validity", {
                from: g.validFrom ? day(g.validFrom) : day(g.createdAt),
                until: g.validUntil ? lastDay(g.validUntil) : t("noEnd"),
              })}
            </p>
            <p className="text-xs text-slate-500">
              {t("grantedBy", { name: g.grantedBy ?? t("system"), date: day(g.createdAt) })}
              {g.revokedAt
                ? ` · ${t("revokedBy", { name: g.revokedBy ?? t("system"), date: day(g.revokedAt) })}`
                : null}
            </p>
          </div>
          {g.state === "active" || g.state === "scheduled" ? (
            <RevokeRoleButton membershipId={g.id} label={`${tRoles(g.role)} · ${personName}`} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
