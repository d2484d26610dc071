import { getTranslations } from "next-intl/server";
import { formatInZone } from "@/lib/time";

/**
 * A tender moved whole to another LPSE leads with where it went, first on the page: the
 * schedule below is the record of its time here, not what runs now (docs/decisions/0040).
 */
export async function TenderTransferredNotice({
  transfer,
  timeZone,
  locale,
}: {
  transfer: { destinationName: string; destinationUrl: string; transferredAt: Date };
  timeZone: string;
  locale: "id" | "en";
}) {
  const t = await getTranslations("transfer.export");
  const lpse = transfer.destinationName;
  return (
    <div
      role="status"
      data-testid="tender-transferred"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 className="text-lg font-semibold">
        {t("pointerTitle", { lpse })}:{" "}
        <a href={transfer.destinationUrl} rel="noopener noreferrer" className="break-all underline">
          {transfer.destinationUrl}
        </a>
      </h2>
      <p className="mt-1">{t("pointerBody")}</p>
      <p className="mt-1 text-sm">
        <span className="font-medium">{t("pointerAt")}: </span>
        <span>{formatInZone(transfer.transferredAt, timeZone, locale)}</span>
      </p>
      <p className="mt-2">
        <a href={transfer.destinationUrl} rel="noopener noreferrer" className="font-medium underline">
          {t("pointerLink", { lpse })} →
        </a>
      </p>
    </div>
  );
}
