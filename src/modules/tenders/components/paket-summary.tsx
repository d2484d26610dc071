import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatRupiah } from "@/lib/money";
import type { TenderSetupView } from "../server/get-tender-setup";

export async function PaketSummary({ view }: { view: TenderSetupView }) {
  const [t, c] = await Promise.all([getTranslations("tender.setup"), getTranslations("common")]);
  const { paket, tender } = view;
  const rows: [string, ReactNode][] = [
    [t("name"), paket.name],
    [t("agency"), view.agency.name],
    [t("category"), c(`category.${paket.category}`)],
    [t("method"), paket.method ? c(`method.${paket.method}`) : c("none")],
    [t("procedure"), view.procedure.name],
    [t("pagu"), formatRupiah(paket.pagu)],
    [t("hps"), paket.hps === null ? c("none") : formatRupiah(paket.hps)],
    [t("pokja"), view.pokjaName ?? c("none")],
    [
      t("status"),
      <Badge key="s" tone={tender.status === "DRAFT" ? "warning" : "info"}>
        {c(`tenderStatus.${tender.status}`)}
      </Badge>,
    ],
  ];
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("paketHeading")}</h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
