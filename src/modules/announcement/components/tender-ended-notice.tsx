import { getTranslations } from "next-intl/server";
import { formatInZone } from "@/lib/time";

/**
 * A failed or cancelled tender leads with why and since when, first on the page and not
 * after scrolling: on the public announcement and on the bidder's own pages alike.
 */
export async function TenderEndedNotice({
  status,
  endReason,
  endedAt,
  timeZone,
  locale,
}: {
  status: "FAILED" | "CANCELLED";
  endReason: string | null;
  endedAt: Date | null;
  timeZone: string;
  locale: "id" | "en";
}) {
  const t = await getTranslations("announcement.page");
  return (
    <div
      role="status"
      data-testid="tender-ended"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900"
    >
      <h2 className="text-lg font-semibold">{t(`endedTitle.${status}`)}</h2>
      {endedAt ? (
        <p className="mt-1">
          <span className="font-medium">{t(`endedAt.${status}`)}: </span>
          <span>{formatInZone(endedAt, timeZone, locale)}</span>
        </p>
      ) : null}
      <p className="mt-1">
        <span className="font-medium">{t("endReason")}: </span>
        <span className="whitespace-pre-line">{endReason ?? t("noEndReason")}</span>
      </p>
    </div>
  );
}
