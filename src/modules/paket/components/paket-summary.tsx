import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import type { PaketDetail } from "../server/get-paket";

/** The paket's data and, for the agency's own staff, the HPS lines (never public). */
export async function PaketSummary({ paket, timeZone }: { paket: PaketDetail; timeZone: string }) {
  const [t, f, c, locale] = await Promise.all([
    getTranslations("paket.detail"),
    getTranslations("paket.form"),
    getTranslations("common"),
    getLocale(),
  ]);
  // in the agency's zone, with its label (WIB, WITA, WIT)
  const when = (d: Date) => formatInZone(d, timeZone, locale === "en" ? "en" : "id");
  const rows: [string, string][] = [
    [f("rupCode"), paket.rupCode],
    [t("agency"), paket.agency.name],
    [f("workUnit"), paket.workUnit.name],
    [f("category"), c(`category.${paket.category}`)],
    [f("fiscalYear"), String(paket.fiscalYear)],
    [f("fundingSource"), paket.fundingSource],
    [f("location"), paket.location],
    [f("pagu"), formatRupiah(paket.pagu)],
    [t("total"), paket.hps === null ? c("none") : formatRupiah(paket.hps)],
    [t("method"), paket.method ? c(`method.${paket.method}`) : t("methodPending")],
    [t("legalBasis"), paket.methodRule?.legalBasis ?? c("none")],
    [t("createdAt"), when(paket.createdAt)],
  ];
  if (paket.handedOverAt) rows.push([t("handedOverAt"), when(paket.handedOverAt)]);
  if (paket.tender)
    rows.push([
      t("tender"),
      t("tenderValue", {
        code: paket.tender.code,
        status: c(`tenderStatus.${paket.tender.status}`),
        pokja: paket.tender.pokja?.name ?? c("none"),
      }),
    ]);
  if (paket.pejabatPengadaan) rows.push([t("pejabatPengadaan"), paket.pejabatPengadaan.name]);

  return (
    <div className="space-y-4">
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("summary")}</h2>
          <Badge tone="info">{c(`paketStatus.${paket.status}`)}</Badge>
        </div>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <section aria-labelledby="hps-breakdown" className="space-y-2">
        <h2 id="hps-breakdown" className="text-lg font-semibold">
          {t("hpsBreakdown")}
        </h2>
        {paket.hpsItems.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noItems")}</p>
        ) : (
          <Table label={t("hpsBreakdownLabel")}>
            <thead>
              <tr>
                <Th>{f("description")}</Th>
                <Th>{f("unit")}</Th>
                <Th className="text-right">{f("quantity")}</Th>
                <Th className="text-right">{f("unitPrice")}</Th>
                <Th className="text-right">{t("lineTotal")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {paket.hpsItems.map((item, i) => (
                <tr key={i}>
                  <RowHeader>{item.description}</RowHeader>
                  <Td>{item.unit}</Td>
                  <Td className="text-right tabular-nums">{item.quantity.toLocaleString("id-ID")}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatRupiah(item.unitPrice)}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatRupiah(BigInt(item.quantity) * item.unitPrice)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
