import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { findBidInclusionProof } from "../server/find-audit-proofs";

/** On the vendor's receipt: the proof that the bid's `bid.submitted` event is in the public audit log. */
export async function InclusionProofCard({ bidId, timeZone }: { bidId: string; timeZone: string }) {
  const found = await findBidInclusionProof(bidId);
  if (!found) return null;
  const [t, localeValue] = await Promise.all([getTranslations("transparency.receipt"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  const proof = found.proof;
  return (
    <Card className="space-y-3" data-testid="inclusion-proof">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">
        {proof ? t("intro", { seq: found.seq }) : t("pending", { seq: found.seq })}
      </p>
      {proof ? (
        <>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("logIndex")}</dt>
            <dd className="font-mono">{proof.logIndex}</dd>
            <dt className="text-slate-600">{t("treeSize")}</dt>
            <dd className="font-mono">{proof.treeHead.treeSize}</dd>
            <dt className="text-slate-600">{t("root")}</dt>
            <dd className="font-mono break-all">{proof.treeHead.rootHash}</dd>
            <dt className="text-slate-600">{t("signedAt")}</dt>
            <dd>{formatInZone(new Date(proof.treeHead.timestamp), timeZone, locale)}</dd>
          </dl>
          <div className="flex flex-wrap gap-3">
            <a href={`/api/audit-log/inclusion/${found.seq}`} download className={buttonClass("primary")}>
              {t("download")}
            </a>
            <a href="/transparansi" className={buttonClass("ghost")}>
              {t("more")}
            </a>
          </div>
        </>
      ) : null}
    </Card>
  );
}
