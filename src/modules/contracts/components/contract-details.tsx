import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatRupiah } from "@/lib/money";
import { formatDateInZone, formatInZone, type DisplayLocale } from "@/lib/time";
import type { ContractStatus } from "../domain";

const TONE: Record<ContractStatus, Tone> = {
  DRAFT: "neutral",
  VENDOR_REVIEW: "info",
  SIGNED: "info",
  ACTIVE: "success",
  COMPLETED: "success",
  TERMINATED: "danger",
};

export async function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const t = await getTranslations("contracts.status");
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

export interface ContractDetailsData {
  number: string;
  status: ContractStatus;
  value: bigint;
  originalValue: bigint;
  hps: bigint;
  startsOn: Date;
  endsOn: Date;
  paymentMode: "TERMIN" | "BULANAN";
  ppkSignatoryName: string;
  ppkSignatoryPosition: string;
  ppkSignatoryNip: string;
  vendorSignatoryName: string;
  vendorSignatoryPosition: string;
  vendorMandateNumber: string | null;
  vendorMandateDate: Date | null;
  vendorMandateGrantor: string | null;
  bondBasis: "CONTRACT_VALUE" | "HPS" | "NONE";
  bondPercentBp: number;
  bondAmount: bigint;
  bondLegalBasis: string;
  vendorSignedAt: Date | null;
  ppkSignedAt: Date | null;
  spmkNumber: string | null;
  spmkStartsOn: Date | null;
  vendor: { name: string };
}

/** The contract's terms as both sides read them (server-rendered). */
export async function ContractDetails({
  contract,
  timeZone,
  locale,
}: {
  contract: ContractDetailsData;
  timeZone: string;
  locale: DisplayLocale;
}) {
  const t = await getTranslations("contracts.details");
  const day = (d: Date) => formatDateInZone(d, timeZone, locale);
  const rows: [string, string][] = [
    [t("number"), contract.number],
    [t("vendor"), contract.vendor.name],
    [t("value"), formatRupiah(contract.value)],
    [t("hps"), formatRupiah(contract.hps)],
    [t("period"), t("periodValue", { from: day(contract.startsOn), to: day(contract.endsOn) })],
    [t("paymentMode"), t(`mode.${contract.paymentMode}`)],
    [
      t("ppkSignatory"),
      `${contract.ppkSignatoryName}, ${contract.ppkSignatoryPosition} (NIP ${contract.ppkSignatoryNip})`,
    ],
    [t("vendorSignatory"), `${contract.vendorSignatoryName}, ${contract.vendorSignatoryPosition}`],
    ...(contract.vendorMandateNumber
      ? [
          [
            t("mandate"),
            t("mandateValue", {
              number: contract.vendorMandateNumber,
              date: day(contract.vendorMandateDate!),
              grantor: contract.vendorMandateGrantor!,
            }),
          ] as [string, string],
        ]
      : []),
    [
      t("bond"),
      contract.bondBasis === "NONE"
        ? t("bondNone", { basis: contract.bondLegalBasis })
        : t(`bondOf.${contract.bondBasis}`, {
            amount: formatRupiah(contract.bondAmount),
            percent: (contract.bondPercentBp / 100).toLocaleString(locale),
            basis: contract.bondLegalBasis,
          }),
    ],
    [t("vendorSigned"), contract.vendorSignedAt ? formatInZone(contract.vendorSignedAt, timeZone, locale) : "–"],
    [t("ppkSigned"), contract.ppkSignedAt ? formatInZone(contract.ppkSignedAt, timeZone, locale) : "–"],
  ];
  if (contract.spmkNumber && contract.spmkStartsOn)
    rows.push([t("spmk"), t("spmkValue", { number: contract.spmkNumber, from: day(contract.spmkStartsOn) })]);
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
