import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { UserStatusForm } from "@/modules/auth/components/user-status-form";
import { findUsers } from "@/modules/auth/server/find-users";
import { can } from "@/modules/auth/domain";
import { oidcSettings } from "@/server/auth/oidc";
import { pageActor, unlessForbidden } from "@/server/page-access";
import { ResetTotpForm } from "@/modules/two-factor/components/reset-totp-form";
import { findTotpStates } from "@/modules/two-factor/server/get-two-factor-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.users"))("title") };
}

export default async function UsersPage() {
  const actor = await pageActor("/admin/pengguna");

  // findUsers decides who may see the list; the page only turns its refusal into a message.
  const users = await unlessForbidden(findUsers(actor));
  if (!users) return <ForbiddenMessage />;

  const [t, tCommon] = await Promise.all([getTranslations("auth.users"), getTranslations("common")]);
  // TOTP states only for who may reset them (ADMIN_LPSE): an empty map for anyone else.
  const [totp, tTotp] = await Promise.all([
    findTotpStates(
      actor,
      users.map((u) => u.id),
    ),
    getTranslations("security.reset"),
  ]);
  const showsTotp = can(actor, "user.resetSecondFactor");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {can(actor, "user.linkIdentity") ? (
          <p>
            <Link href="/admin/pengguna/identitas" className="text-sm font-medium text-blue-800 underline">
              {(await getTranslations("auth.oidc.admin"))("manageLink", { name: oidcSettings()?.name ?? "INAPROC" })}
            </Link>
          </p>
        ) : null}
      </header>
      {users.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("tableLabel")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("email")}</Th>
              <Th>{t("roles")}</Th>
              <Th>{t("agencies")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {users.map((user) => (
              <tr key={user.id} data-testid="user-row">
                <RowHeader>{user.name}</RowHeader>
                <Td>{user.email}</Td>
                <Td>{user.roles.map((role) => tCommon(`role.${role}`)).join(", ") || tCommon("none")}</Td>
                <Td>{user.agencyNames.join(", ") || tCommon("none")}</Td>
                <Td>
                  <Badge tone={user.isDisabled ? "danger" : "success"}>
                    {t(user.isDisabled ? "disabled" : "active")}
                  </Badge>
                  {showsTotp ? (
                    <span className="mt-1 block text-xs text-slate-600">
                      {tTotp("label")}: {tTotp(totp.get(user.id) ?? "none")}
                    </span>
                  ) : null}
                </Td>
                <Td>
                  <UserStatusForm userId={user.id} name={user.name} isDisabled={user.isDisabled} />
                  {totp.has(user.id) && user.id !== actor.userId ? <ResetTotpForm userId={user.id} /> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
