import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { NonTenderForm } from "@/modules/non-tender/components/non-tender-form";
import { findRecordingWorkUnits } from "@/modules/non-tender/server/find-recording-work-units";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("procurement.nonTender.form"))("title") };
}

export default async function NewNonTenderPage() {
  const actor = await pageActor("/non-tender/baru");
  const options = await unlessForbidden(findRecordingWorkUnits(actor));
  if (!options) return <ForbiddenMessage />;
  const t = await getTranslations("procurement.nonTender.form");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <Card>
        <NonTenderForm workUnits={options.workUnits} today={options.today ?? ""} />
      </Card>
    </div>
  );
}
