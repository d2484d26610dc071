import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { can } from "@/modules/auth/domain/permissions";
import { SpecFields } from "@/modules/vendors/components/spec-fields";
import { findVendorUsers } from "@/modules/vendors/server/find-vendor-users";
import { addVendorUserAction } from "@/modules/vendors/vendors.actions";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendors.users"))("title") };
}

/** The company's users; any of them may add a colleague with an initial password. */
export default async function VendorUsersPage() {
  const actor = await pageActor("/penyedia/pengguna");
  const users = await unlessForbidden(findVendorUsers(actor));
  if (!users || !actor.vendorId) return <ForbiddenMessage />;
  const [t, tf] = await Promise.all([getTranslations("vendors.users"), getTranslations("vendors.form")]);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <Table label={t("title")}>
        <thead>
          <tr>
            <Th>{t("name")}</Th>
            <Th>{t("email")}</Th>
            <Th>{t("status")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((u) => (
            <tr key={u.id}>
              <RowHeader>{u.name}</RowHeader>
              <Td className="break-all">{u.email}</Td>
              <Td>{u.isDisabled ? t("disabled") : t("active")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {can(actor, "vendor.manageUsers") ? (
        <section aria-labelledby="add-user-title" className="space-y-3">
          <h2 id="add-user-title" className="text-lg font-semibold">
            {t("addTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("addIntro")}</p>
          <Card>
            <ActionForm action={addVendorUserAction} doneText={t("added")} className="space-y-4">
              <input type="hidden" name="vendorId" value={actor.vendorId} />
              <SpecFields
                fields={[
                  { name: "name", label: t("name"), autoComplete: "off", required: true, wide: true },
                  { name: "email", label: t("email"), type: "email", autoComplete: "off", required: true },
                  {
                    name: "password",
                    label: t("password"),
                    type: "password",
                    autoComplete: "new-password",
                    hint: t("passwordHint"),
                    required: true,
                  },
                ]}
              />
              <SubmitButton pendingLabel={tf("saving")}>{t("add")}</SubmitButton>
            </ActionForm>
          </Card>
        </section>
      ) : null}
    </div>
  );
}
