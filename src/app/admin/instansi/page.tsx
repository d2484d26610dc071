import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { isLocale } from "@/i18n/locales";
import { ResendInvitationButton } from "@/modules/auth/components";
import { AgencyForm } from "@/modules/organisation/components/agency-form";
import { GrantList } from "@/modules/organisation/components/grant-list";
import { AddPersonForm } from "@/modules/organisation/components/person-forms";
import { LPSE_ROLES } from "@/modules/organisation/domain/role-grants";
import { findAgencies, findLpseStaff } from "@/modules/organisation/server/find-agencies";
import { pageActor, unlessForbidden } from "@/server/page-access";

/** Grants grouped by their holder, in the order the read returned them. */
function byUser<G extends { user: { id: string } }>(grants: G[]): G[][] {
  const groups = new Map<string, G[]>();
  for (const g of grants) groups.set(g.user.id, [...(groups.get(g.user.id) ?? []), g]);
  return [...groups.values()];
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation.agencies"))("title") };
}

/** ADMIN_LPSE: the agencies (K/L/PD) and their admins, and the LPSE's own staff. */
export default async function AgenciesPage() {
  const actor = await pageActor("/admin/instansi");
  // The reads refuse anyone but ADMIN_LPSE; the page only says so.
  const data = await unlessForbidden(Promise.all([findAgencies(actor), findLpseStaff(actor)]));
  if (!data) return <ForbiddenMessage />;
  const [agencies, staff] = data;
  const [t, localeValue] = await Promise.all([getTranslations("organisation"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("agencies.title")}</h1>
        <p className="text-slate-700">{t("agencies.intro")}</p>
      </header>

      <section aria-labelledby="instansi-daftar" className="space-y-4">
        <h2 id="instansi-daftar" className="text-xl font-semibold">
          {t("agencies.list")}
        </h2>
        {agencies.length === 0 ? <EmptyState title={t("agencies.empty")} /> : null}
        <ul className="space-y-4">
          {agencies.map((agency) => (
            <li key={agency.id}>
              <Card className="space-y-3" data-testid="agency-card">
                <h3 className="font-semibold">
                  {agency.name} <span className="text-sm font-normal text-slate-600">· {agency.code}</span>
                </h3>
                <p className="text-sm text-slate-700">
                  {t(`agencies.kinds.${agency.kind}`)} · {t(`agencies.zones.${agency.timeZone.replace("/", "_")}`)} ·{" "}
                  {t("agencies.counts", { workUnits: agency.workUnitCount, pakets: agency.paketCount })}
                </p>
                <h4 className="text-sm font-semibold">{t("agencies.admins")}</h4>
                {agency.admins.length === 0 ? <p className="text-sm text-slate-600">{t("agencies.noAdmins")}</p> : null}
                <ul className="space-y-3">
                  {byUser(agency.admins).map((grants) => (
                    <li key={grants[0]!.user.id} className="space-y-1 border-t border-slate-100 pt-2">
                      <p className="text-sm">
                        {grants[0]!.user.name} · <span className="break-all">{grants[0]!.user.email}</span>
                        {grants[0]!.isInvited ? ` · ${t("people.invitationPending")}` : null}
                      </p>
                      {grants[0]!.isInvited ? (
                        <ResendInvitationButton userId={grants[0]!.user.id} personName={grants[0]!.user.name} />
                      ) : null}
                      <GrantList
                        grants={grants}
                        personName={grants[0]!.user.name}
                        timeZone={agency.timeZone}
                        locale={locale}
                      />
                    </li>
                  ))}
                </ul>
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("agencies.addAdmin")}</summary>
                  <div className="pt-3">
                    <AddPersonForm agencyId={agency.id} roles={["ADMIN_AGENCY"]} />
                  </div>
                </details>
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("agencies.edit")}</summary>
                  <div className="pt-3">
                    <AgencyForm agency={agency} />
                  </div>
                </details>
              </Card>
            </li>
          ))}
        </ul>
        <Card className="space-y-3">
          <h3 className="font-semibold">{t("agencies.new")}</h3>
          <AgencyForm />
        </Card>
      </section>

      <section aria-labelledby="staf-lpse" className="space-y-4">
        <h2 id="staf-lpse" className="text-xl font-semibold">
          {t("lpseStaff.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("lpseStaff.intro")}</p>
        <ul className="space-y-3">
          {byUser(staff).map((grants) => (
            <li key={grants[0]!.user.id}>
              <Card className="space-y-2" data-testid="lpse-staff-card">
                <p className="text-sm font-medium">
                  {grants[0]!.user.name} · <span className="break-all font-normal">{grants[0]!.user.email}</span>
                  {grants[0]!.isInvited ? ` · ${t("people.invitationPending")}` : null}
                </p>
                {grants[0]!.isInvited ? (
                  <ResendInvitationButton userId={grants[0]!.user.id} personName={grants[0]!.user.name} />
                ) : null}
                <GrantList grants={grants} personName={grants[0]!.user.name} timeZone="Asia/Jakarta" locale={locale} />
              </Card>
            </li>
          ))}
        </ul>
        <Card className="space-y-3">
          <h3 className="font-semibold">{t("lpseStaff.add")}</h3>
          <AddPersonForm roles={LPSE_ROLES} />
        </Card>
      </section>
    </div>
  );
}
