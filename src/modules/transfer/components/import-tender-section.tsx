import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { pageActor } from "@/server/page-access";
import { listImportAgencies } from "../server/import-upload";
import { ImportTenderForm } from "./import-tender-form";

/** The receiving side of /admin/pindah-tender: upload a bundle, name the agency and the source key. */
export async function ImportTenderSection() {
  const actor = await pageActor("/admin/pindah-tender");
  const [t, agencies] = await Promise.all([getTranslations("transfer.import"), listImportAgencies(actor)]);
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("title")}</h2>
      <p className="mb-3 text-sm text-slate-700">{t("intro")}</p>
      {agencies.length === 0 ? <p className="text-sm">{t("noAgency")}</p> : <ImportTenderForm agencies={agencies} />}
    </Card>
  );
}
