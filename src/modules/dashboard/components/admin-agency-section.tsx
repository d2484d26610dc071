import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import type { Actor } from "@/modules/auth/domain";
import { getAdminAgencyOverview } from "../server/admin-agency-overview";
import { DashboardSection } from "./dashboard-section";

export async function AdminAgencySection({ actor }: { actor: Actor }) {
  const [agencies, t, c] = await Promise.all([
    getAdminAgencyOverview(actor),
    getTranslations("dashboard.adminAgency"),
    getTranslations("common"),
  ]);
  return (
    <DashboardSection role="ADMIN_AGENCY">
      {agencies.length === 0 ? <EmptyState title={t("noAgency")} /> : null}
      {agencies.map((agency) => (
        <div key={agency.id} className="space-y-3">
          <h3 className="font-semibold">{agency.name}</h3>
          <Table label={t("usersOf", { agency: agency.name })}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("email")}</Th>
                <Th>{t("roles")}</Th>
                <Th>{t("status")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {agency.users.map((user) => (
                <tr key={user.id}>
                  <RowHeader>{user.name}</RowHeader>
                  <Td className="break-all">{user.email}</Td>
                  <Td>{user.roles.map((role) => c(`role.${role}`)).join(", ")}</Td>
                  <Td>
                    {user.isDisabled ? (
                      <Badge tone="danger">{t("disabled")}</Badge>
                    ) : (
                      <Badge tone="success">{t("active")}</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <h4 className="text-sm font-semibold">{t("pokjaTitle")}</h4>
          {agency.pokjas.length === 0 ? (
            <EmptyState title={t("noPokja")} />
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2">
              {agency.pokjas.map((pokja) => (
                <li key={pokja.id} className="rounded-md border border-slate-200 p-3 text-sm">
                  <span className="font-medium">{pokja.name}</span>
                  <span className="block text-slate-600">{t("members", { count: pokja.members })}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <ButtonLink href="/admin/pengguna">{t("manageUsers")}</ButtonLink>
    </DashboardSection>
  );
}
