import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { isLocale } from "@/i18n/locales";
import { ResendInvitationButton } from "@/modules/auth/components";
import { GrantList } from "@/modules/organisation/components/grant-list";
import { AddPersonForm } from "@/modules/organisation/components/person-forms";
import { WorkUnitForm } from "@/modules/organisation/components/work-unit-form";
import { AGENCY_STAFF_ROLES } from "@/modules/organisation/domain/role-grants";
import { getAgencyPeople } from "@/modules/organisation/server/get-agency-people";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation.people"))("title") };
}

/** ADMIN_AGENCY: the work units and people of its agency, with every role's history. */
export default async function OrganisationPage({ searchParams }: { searchParams: Promise<{ agency?: string }> }) {
  const actor = await pageActor("/admin/organisasi");
  const { agency: picked } = await searchParams;
  const org = await unlessForbidden(getAgencyPeople(actor, picked));
  if (!org) return <ForbiddenMessage />;
  const [t, localeValue] = await Promise.all([getTranslations("organisation"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("people.title")}</h1>
        <p className="text-slate-700">{t("people.intro", { agency: org.agency.name })}</p>
        {org.agencies.length > 1 ? (
          <nav aria-label={t("agencyPicker")} className="flex flex-wrap gap-3 text-sm">
            {org.agencies.map((a) => (
              <Link
                key={a.id}
                href={`/admin/organisasi?agency=${a.id}`}
                aria-current={a.id === org.agency.id ? "page" : undefined}
              >
                {a.name}
              </Link>
            ))}
          </nav>
        ) : null}
      </header>

      <section aria-labelledby="satker-judul" className="space-y-4">
        <h2 id="satker-judul" className="text-xl font-semibold">
          {t("workUnits.title")}
        </h2>
        {org.workUnits.length === 0 ? <EmptyState title={t("workUnits.empty")} /> : null}
        <ul className="space-y-2">
          {org.workUnits.map((unit) => (
            <li key={unit.id}>
              <Card className="space-y-2" data-testid="work-unit-card">
                <p className="font-medium">
                  {unit.code} · {unit.name}{" "}
                  <span className="text-sm font-normal text-slate-600">
                    · {t("workUnits.pakets", { count: unit.paketCount })}
                  </span>
                </p>
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("workUnits.edit")}</summary>
                  <div className="pt-3">
                    <WorkUnitForm unit={unit} />
                  </div>
                </details>
              </Card>
            </li>
          ))}
        </ul>
        <Card>
          <WorkUnitForm agencyId={org.agency.id} />
        </Card>
      </section>

      <section aria-labelledby="orang-judul" className="space-y-4">
        <h2 id="orang-judul" className="text-xl font-semibold">
          {t("people.listTitle")}
        </h2>
        {org.people.length === 0 ? <EmptyState title={t("people.empty")} /> : null}
        <ul className="space-y-3">
          {org.people.map((person) => (
            <li key={person.id}>
              <Card className="space-y-2" data-testid="person-card">
                <p className="text-sm font-medium">
                  {person.name} · <span className="break-all font-normal">{person.email}</span>
                  {person.nip ? <span className="font-normal text-slate-600"> · {person.nip}</span> : null}
                  {person.isInvited ? ` · ${t("people.invitationPending")}` : null}
                  {person.isDisabled ? ` · ${t("people.disabled")}` : null}
                </p>
                {person.isInvited ? <ResendInvitationButton userId={person.id} personName={person.name} /> : null}
                <GrantList
                  grants={person.grants}
                  personName={person.name}
                  timeZone={org.agency.timeZone}
                  locale={locale}
                />
              </Card>
            </li>
          ))}
        </ul>
        <Card className="space-y-3">
          <h3 className="font-semibold">{t("people.addTitle")}</h3>
          <p className="text-sm text-slate-700">{t("people.addIntro")}</p>
          <AddPersonForm agencyId={org.agency.id} roles={AGENCY_STAFF_ROLES} />
        </Card>
      </section>
    </div>
  );
}
