import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { PaketForm } from "@/modules/paket/components/paket-form";
import { getPaketFormOptions } from "@/modules/paket/server/get-paket-form-options";
import { dbNow } from "@/server/db";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paket.form"))("createTitle") };
}

export default async function NewPaketPage() {
  const actor = await pageActor("/paket/baru");
  const options = await unlessForbidden(getPaketFormOptions(actor));
  if (!options) return <ForbiddenMessage />;
  const [t, tDetail, now] = await Promise.all([
    getTranslations("paket.form"),
    getTranslations("paket.detail"),
    dbNow(),
  ]);
  const initial = {
    rupCode: "",
    name: "",
    category: "BARANG" as const,
    fiscalYear: String(now.getUTCFullYear()),
    fundingSource: "",
    pagu: "",
    location: "",
    workUnitId: options.workUnits.length === 1 ? options.workUnits[0]!.id : "",
    items: [{ description: "", unit: "", quantity: "1", unitPrice: "" }],
  };
  return (
    <div className="space-y-6">
      <Link href="/paket" className="text-sm">
        ← {tDetail("back")}
      </Link>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("createTitle")}</h1>
        <p className="text-slate-700">{t("createIntro")}</p>
      </header>
      {/* the preview judges a new paket on today's date, as the server will */}
      <PaketForm initial={initial} workUnits={options.workUnits} rules={options.rules} judgedOn={now.toISOString()} />
    </div>
  );
}
