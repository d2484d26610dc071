import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import {
  AppointPejabatPengadaanForm,
  RevokePejabatPengadaanButton,
} from "@/modules/organisation/components/pejabat-pengadaan-forms";
import { PokjaForm } from "@/modules/organisation/components/pokja-form";
import { getAgencyOrganisation } from "@/modules/organisation/server/get-agency-organisation";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation"))("title") };
}

export default async function PokjaPage({ searchParams }: { searchParams: Promise<{ agency?: string }> }) {
  const actor = await pageActor("/admin/pokja");
  const { agency } = await searchParams;
  // The read refuses anyone who administers no agency; the page only says so.
  const org = await unlessForbidden(getAgencyOrganisation(actor, agency));
  if (!org) return <ForbiddenMessage />;
  const t = await getTranslations("organisation");
  const agencyName = org.agencies.find((a) => a.id === org.agencyId)?.name ?? "";

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { agency: agencyName })}</p>
        {org.agencies.length > 1 ? (
          <nav aria-label={t("agencyPicker")} className="flex flex-wrap gap-3 text-sm">
            {org.agencies.map((a) => (
              <Link
                key={a.id}
                href={`/admin/pokja?agency=${a.id}`}
                aria-current={a.id === org.agencyId ? "page" : undefined}
              >
                {a.name}
              </Link>
            ))}
          </nav>
        ) : null}
      </header>

      <section aria-labelledby="pokja-judul" className="space-y-4">
        <h2 id="pokja-judul" className="text-xl font-semibold">
          {t("pokjas.title")}
        </h2>
        {org.pokjas.length === 0 ? <EmptyState title={t("pokjas.empty")} /> : null}
        <ul className="grid gap-4 md:grid-cols-2">
          {org.pokjas.map((pokja) => (
            <li key={pokja.id}>
              <Card className="space-y-3" data-testid="pokja-card">
                <h3 className="font-semibold">
                  {pokja.name}{" "}
                  <span className="text-sm font-normal text-slate-600">
                    · {t("pokjas.memberCount", { count: pokja.members.length })}
                  </span>
                </h3>
                {pokja.skNumber && pokja.skDate ? (
                  <p className="text-sm text-slate-700" data-testid="pokja-sk">
                    {t("pokjas.sk", { number: pokja.skNumber, date: pokja.skDate.toISOString().slice(0, 10) })}
                  </p>
                ) : null}
                <ul className="space-y-1 text-sm">
                  {pokja.members.map((m) => (
                    <li key={m.id} className="flex items-center gap-2">
                      {m.name}
                      {m.isLeader ? <Badge tone="info">{t("pokjas.leader")}</Badge> : null}
                      {m.isDisabled ? <Badge tone="danger">{t("pokjas.disabled")}</Badge> : null}
                    </li>
                  ))}
                </ul>
                <details>
                  <summary className="cursor-pointer text-sm text-brand-700">{t("pokjas.change")}</summary>
                  <div className="pt-3">
                    <PokjaForm
                      mode="change"
                      pokjaId={pokja.id}
                      candidates={org.pokjaCandidates}
                      memberIds={pokja.members.map((m) => m.id)}
                      leaderId={pokja.members.find((m) => m.isLeader)?.id ?? null}
                    />
                  </div>
                </details>
              </Card>
            </li>
          ))}
        </ul>
        <Card className="space-y-3">
          <h3 className="font-semibold">{t("form.title")}</h3>
          <PokjaForm mode="form" agencyId={org.agencyId} candidates={org.pokjaCandidates} />
        </Card>
      </section>

      <section aria-labelledby="pp-judul" className="space-y-4">
        <h2 id="pp-judul" className="text-xl font-semibold">
          {t("pp.title")}
        </h2>
        <p className="text-sm text-slate-700">{t("pp.intro")}</p>
        {org.pejabatPengadaan.length === 0 ? (
          <EmptyState title={t("pp.empty")} />
        ) : (
          <Table label={t("pp.tableLabel")}>
            <thead>
              <tr>
                <Th>{t("pp.name")}</Th>
                <Th>{t("pp.nip")}</Th>
                <Th>{t("pp.email")}</Th>
                <Th>{t("pp.actions")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {org.pejabatPengadaan.map((u) => (
                <tr key={u.id} data-testid="pp-row">
                  <RowHeader>{u.name}</RowHeader>
                  <Td>{u.nip ?? "—"}</Td>
                  <Td>{u.email}</Td>
                  <Td>
                    <RevokePejabatPengadaanButton agencyId={org.agencyId} userId={u.id} name={u.name} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Card>
          <AppointPejabatPengadaanForm agencyId={org.agencyId} candidates={org.pejabatPengadaanCandidates} />
        </Card>
      </section>
    </div>
  );
}
