import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { MethodRuleForm } from "@/modules/paket/components/method-rule-form";
import { MethodRuleTable } from "@/modules/paket/components/method-rule-table";
import { findMethodRules } from "@/modules/paket/server/find-method-rules";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paket.rules"))("title") };
}

export default async function MethodRulesPage() {
  const actor = await pageActor("/admin/aturan-metode");
  // findMethodRules refuses roles other than ADMIN_LPSE and auditors; addMethodRule refuses all but ADMIN_LPSE.
  const result = await unlessForbidden(findMethodRules(actor));
  if (!result) return <ForbiddenMessage />;
  const t = await getTranslations("paket.rules");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <MethodRuleTable rows={result.rows} />
      {result.canManage ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("addTitle")}</h2>
          <MethodRuleForm />
        </Card>
      ) : (
        <p className="text-sm text-slate-700">{t("readOnly")}</p>
      )}
    </div>
  );
}
