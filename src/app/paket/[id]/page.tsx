import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { HandOverPanel } from "@/modules/handover/components/handover-panel";
import { findHandOverTargets } from "@/modules/handover/server/find-handover-targets";
import { PaketDocuments } from "@/modules/paket/components/paket-documents";
import { PaketForm } from "@/modules/paket/components/paket-form";
import { PaketSummary } from "@/modules/paket/components/paket-summary";
import { getPaket, type PaketDetail } from "@/modules/paket/server/get-paket";
import { getPaketFormOptions } from "@/modules/paket/server/get-paket-form-options";
import { formatRupiah } from "@/lib/money";
import { orNotFound, pageActor, pageId } from "@/server/page-access";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paket.list"))("title") };
}

// "250.000.000": as a person types it; parseRupiah reads it back
const grouped = (amount: bigint) => formatRupiah(amount).replace(/^Rp/, "");

const formValues = (paket: PaketDetail) => ({
  rupCode: paket.rupCode,
  name: paket.name,
  category: paket.category,
  fiscalYear: String(paket.fiscalYear),
  fundingSource: paket.fundingSource,
  pagu: grouped(paket.pagu),
  location: paket.location,
  workUnitId: paket.workUnitId,
  items: paket.hpsItems.map((i) => ({
    description: i.description,
    unit: i.unit,
    quantity: String(i.quantity),
    unitPrice: grouped(i.unitPrice),
  })),
});

export default async function PaketDetailPage({ params }: Props) {
  const id = pageId((await params).id);
  const actor = await pageActor(`/paket/${id}`);
  const paket = await orNotFound(getPaket(actor, id));
  const [t, f, h, c, options, targets] = await Promise.all([
    getTranslations("paket.detail"),
    getTranslations("paket.form"),
    getTranslations("paket.handover"),
    getTranslations("common"),
    paket.canEdit ? getPaketFormOptions(actor, paket.agencyId) : null,
    paket.canHandOver ? findHandOverTargets(actor, paket.id) : null,
  ]);

  return (
    <div className="space-y-8">
      <Link href="/paket" className="text-sm">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{paket.name}</h1>
      <PaketSummary paket={paket} timeZone={paket.agency.timeZone} />
      <PaketDocuments paket={paket} />
      {targets ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{h("title")}</h2>
          <HandOverPanel
            paketId={paket.id}
            methodLabel={paket.method ? c(`method.${paket.method}`) : c("none")}
            options={targets}
          />
        </Card>
      ) : null}
      {options ? (
        <section aria-labelledby="edit-paket" className="space-y-3">
          <h2 id="edit-paket" className="text-lg font-semibold">
            {f("editTitle")}
          </h2>
          <PaketForm
            paketId={paket.id}
            initial={formValues(paket)}
            workUnits={options.workUnits}
            rules={options.rules}
            judgedOn={paket.createdAt.toISOString()}
          />
        </section>
      ) : paket.status === "IN_SELECTION" || paket.status === "COMPLETED" ? (
        <p className="text-sm text-slate-700">{t("locked")}</p>
      ) : null}
      {paket.tender &&
      (paket.tender.status === "AWARDED" || paket.tender.status === "COMPLETED" || paket.tender.status === "FAILED") ? (
        <p className="text-sm">
          <Link href={`/ppk/sppbj/${paket.tender.id}`}>{t("sppbjLink")}</Link>
        </p>
      ) : null}
    </div>
  );
}
