import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { ProcedureMinimumsForm } from "@/modules/tenders/components/procedure-minimums-form";
import { findProcedureMinimums } from "@/modules/tenders/server/find-procedure-minimums";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tender.procedures"))("title") };
}

export default async function ProcedureMinimumsPage() {
  const actor = await pageActor("/admin/prosedur");
  // findProcedureMinimums refuses roles other than ADMIN_LPSE and auditors; the update refuses all but ADMIN_LPSE.
  const result = await unlessForbidden(findProcedureMinimums(actor));
  if (!result) return <ForbiddenMessage />;
  const t = await getTranslations("tender.procedures");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        {result.canManage ? null : <p className="text-sm text-slate-700">{t("readOnly")}</p>}
      </header>
      {result.procedures.map((procedure) => (
        <Card key={procedure.id}>
          <h2 className="mb-3 text-lg font-semibold">{procedure.name}</h2>
          <ProcedureMinimumsForm procedure={procedure} canManage={result.canManage} />
        </Card>
      ))}
    </div>
  );
}
