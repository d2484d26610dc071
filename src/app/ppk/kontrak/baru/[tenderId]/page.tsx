import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatRupiah } from "@/lib/money";
import { ContractTermsForm } from "@/modules/contracts/components/contract-terms-form";
import { getDraftDefaults } from "@/modules/contracts/server/get-draft-defaults";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts.form"))("title") };
}

/** Drafting a contract from a tender's award after its SPPBJ. */
export default async function DraftContractPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const tenderId = pageId((await params).tenderId);
  const actor = await pageActor(`/ppk/kontrak/baru/${tenderId}`);
  const view = await orNotFound(getDraftDefaults(actor, tenderId));
  if (view.contractId) redirect(`/ppk/kontrak/${view.contractId}`);
  const t = await getTranslations("contracts.form");
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="font-mono text-sm text-slate-600">{view.tender.code}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{view.tender.name}</p>
      </header>
      {!view.ready || view.value === null || view.hps === null ? (
        <p role="status" className="text-sm">
          {t("notReady")}
        </p>
      ) : (
        <Card className="space-y-4">
          <p className="text-sm">
            {t("award", {
              vendor: view.vendorName ?? "–",
              value: formatRupiah(view.value),
              hps: formatRupiah(view.hps),
            })}
          </p>
          <ContractTermsForm
            target={{ tenderId }}
            showAssetsExemption={view.tender.category === "JASA_LAINNYA"}
            defaults={{
              startsOn: view.earliestStart ?? "",
              endsOn: "",
              paymentMode: "TERMIN",
              terminPlan: "",
              ppkSignatoryPosition: "Pejabat Pembuat Komitmen",
              assetsHeldByUser: false,
              vendorMandateNumber: "",
              vendorMandateDate: "",
              vendorMandateGrantor: "",
              ...view.suggested,
            }}
          />
        </Card>
      )}
    </div>
  );
}
