import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatInZone } from "@/lib/time";
import { LinkIdentityForm, UnlinkIdentityForm } from "@/modules/auth/components/identity-forms";
import { findIdentities } from "@/modules/auth/server/find-identities";
import { getLpseProfile } from "@/modules/lpse";
import { oidcSettings } from "@/server/auth/oidc";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  const name = oidcSettings()?.name ?? "INAPROC";
  return { title: (await getTranslations("auth.oidc.admin"))("title", { name }) };
}

/** The links between identities at the central provider and Segel accounts (decision 0035). */
export default async function LinkedIdentitiesPage() {
  const actor = await pageActor("/admin/pengguna/identitas");
  const identities = await unlessForbidden(findIdentities(actor));
  if (!identities) return <ForbiddenMessage />;

  const settings = oidcSettings();
  const name = settings?.name ?? "INAPROC";
  const [t, locale, { timeZone }] = await Promise.all([
    getTranslations("auth.oidc.admin"),
    getLocale(),
    getLpseProfile(),
  ]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title", { name })}</h1>
        <p className="text-slate-700">{t("intro", { name })}</p>
      </header>
      {settings ? (
        <Card className="space-y-3">
          <h2 className="text-lg font-semibold">{t("linkTitle")}</h2>
          <p className="text-sm break-all text-slate-600">{t("issuerIs", { issuer: settings.issuer })}</p>
          <LinkIdentityForm providerName={name} />
        </Card>
      ) : (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("notConfigured")}
        </p>
      )}
      {identities.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table label={t("tableLabel")}>
          <thead>
            <tr>
              <Th>{t("user")}</Th>
              <Th>{t("subjectColumn")}</Th>
              <Th>{t("issuer")}</Th>
              <Th>{t("linkedBy")}</Th>
              <Th>{t("linkedAt")}</Th>
              <Th>
                <span className="sr-only">{t("unlink")}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {identities.map((identity) => (
              <tr key={identity.id} data-testid="identity-row">
                <RowHeader>
                  {identity.user.name} {identity.user.isDisabled ? <Badge tone="danger">{t("disabled")}</Badge> : null}
                  <span className="block text-xs text-slate-600">{identity.user.email}</span>
                </RowHeader>
                <Td>
                  <code className="break-all">{identity.subject}</code>
                </Td>
                <Td>
                  <span className="break-all">{identity.issuer}</span>
                </Td>
                <Td>{identity.linkedBy.name}</Td>
                <Td>{formatInZone(identity.createdAt, timeZone, locale === "en" ? "en" : "id")}</Td>
                <Td>
                  <UnlinkIdentityForm identityId={identity.id} subject={identity.subject} name={identity.user.name} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
