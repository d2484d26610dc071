import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import type { SignedReceipt } from "../domain/verify-receipt";
import { WithdrawButton } from "./withdraw-button";

interface BidRow {
  id: string;
  status: "SUBMITTED" | "REPLACED" | "WITHDRAWN";
  submittedAt: Date;
  withdrawnAt: Date | null;
  signedReceipt: SignedReceipt;
}

/**
 * The current bid's signed receipt with every commitment, its download and the withdraw
 * button. Times to the second, always: a receipt read beside a deadline of 15.00.00 must
 * say 14.59.59 or 15.00.00, never a rounded "15.00".
 */
export async function ReceiptCard({
  bid,
  timeZone,
  canWithdraw,
  tenderId,
}: {
  bid: BidRow;
  timeZone: string;
  canWithdraw: boolean;
  tenderId: string;
}) {
  const [t, p, localeValue] = await Promise.all([
    getTranslations("bids.receipt"),
    getTranslations("bids.part"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const receipt = bid.signedReceipt.receipt;
  return (
    <Card className="space-y-3" data-testid="bid-receipt">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">{t("bidId")}</dt>
        <dd className="font-mono">{receipt.bidId}</dd>
        {receipt.receivedAt ? (
          <>
            <dt className="text-slate-600">{t("receivedAt")}</dt>
            <dd data-testid="receipt-received-at">
              {formatInZone(new Date(receipt.receivedAt), timeZone, locale, { seconds: "always" })}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("submittedAt")}</dt>
        <dd data-testid="receipt-submitted-at">
          {formatInZone(bid.submittedAt, timeZone, locale, { seconds: "always" })}
        </dd>
        <dt className="text-slate-600">{t("commitment")}</dt>
        <dd className="font-mono break-all">{receipt.priceCommitment}</dd>
        {receipt.qualificationCommitment ? (
          <>
            <dt className="text-slate-600">{t("qualificationCommitment")}</dt>
            <dd className="font-mono break-all">{receipt.qualificationCommitment}</dd>
          </>
        ) : null}
        {receipt.integrityPactAcceptedAt ? (
          <>
            <dt className="text-slate-600">{t("integrityPact")}</dt>
            <dd>{formatInZone(new Date(receipt.integrityPactAcceptedAt), timeZone, locale, { seconds: "always" })}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("fingerprint")}</dt>
        <dd className="font-mono break-all">{receipt.instanceKeyFingerprint}</dd>
      </dl>
      <h3 className="font-medium">{t("files")}</h3>
      <ul className="space-y-2 text-sm">
        {receipt.files.map((f) => (
          <li key={`${f.part}-${"commitment" in f ? f.commitment : f.sha256}`}>
            <span className="font-medium">{p(f.part as "HARGA")}</span>
            {"commitment" in f ? null : `: ${f.fileName} (${f.sizeBytes.toLocaleString("id-ID")} B)`}
            <br />
            <span className="font-mono text-xs break-all">
              {"commitment" in f ? `${t("fileCommitment")} ${f.commitment}` : `SHA-256 ${f.sha256}`}
            </span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <a href={`/api/bids/${bid.id}/receipt`} download className={buttonClass("primary")}>
          {t("download")}
        </a>
        <a href="/verifikasi-tanda-terima" className={buttonClass("ghost")}>
          {t("verify")}
        </a>
        {canWithdraw ? <WithdrawButton tenderId={tenderId} /> : null}
      </div>
    </Card>
  );
}

/** Earlier bids of the vendor (replaced or withdrawn), kept as history. */
export async function BidHistory({ bids, timeZone }: { bids: BidRow[]; timeZone: string }) {
  if (bids.length === 0) return null;
  const [t, s, localeValue] = await Promise.all([
    getTranslations("bids.history"),
    getTranslations("bids.status"),
    getLocale(),
  ]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <ul className="space-y-1 text-sm">
        {bids.map((b) => (
          <li key={b.id} className="flex flex-wrap items-center gap-2">
            <Badge tone={b.status === "WITHDRAWN" ? "danger" : "neutral"}>{s(b.status)}</Badge>
            <span>{formatInZone(b.submittedAt, timeZone, locale, { seconds: "always" })}</span>
            {b.withdrawnAt ? (
              <span>
                ({t("withdrawnAt", { at: formatInZone(b.withdrawnAt, timeZone, locale, { seconds: "always" }) })})
              </span>
            ) : null}
            <a href={`/api/bids/${b.id}/receipt`} download className="font-mono text-xs">
              {b.id.slice(0, 8)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
