import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { inputClass } from "@/components/ui/form";
import { isSafeText } from "@/lib/safe-text";
import { can } from "@/modules/auth/domain";
import { ImportTenderSection, MarkTransferredForm } from "@/modules/transfer/components";
import { findTransferCandidate, instanceKeyFingerprint } from "@/modules/transfer/server/find-transfer-candidate";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfer.export"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Moving a tender whole to another LPSE (docs/decisions/0040). The source side: find the
 * tender, download its signed bundle, then mark it as moved once the new home has it. The
 * receiving side (the import) is its own section below.
 */
export default async function TenderTransferPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor("/admin/pindah-tender");
  const raw = (await searchParams).kode;
  const code = typeof raw === "string" && raw.trim() && raw.length <= 64 && isSafeText(raw) ? raw.trim() : null;
  // the page only decides what to show: the reads, the download and the action each check again
  if (!can(actor, "tender.transfer")) return <ForbiddenMessage />;
  const candidate = code ? await findTransferCandidate(actor, code) : null;
  const [t, c, e, fingerprint] = await Promise.all([
    getTranslations("transfer.export"),
    getTranslations("common"),
    getTranslations("errors"),
    instanceKeyFingerprint(),
  ]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p className="text-sm text-slate-700">
          {t("fingerprint")}: <code className="break-all">{fingerprint}</code>
        </p>
      </header>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("exportTitle")}</h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="block space-y-1">
            <span className="text-sm font-medium">{t("code")}</span>
            <input name="kode" defaultValue={code ?? ""} required maxLength={64} className={inputClass} />
          </label>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white">
            {t("find")}
          </button>
        </form>
        {code && !candidate ? (
          <p role="status" className="mt-3 text-sm text-red-800">
            {e("tenderExport.notFound", { code })}
          </p>
        ) : null}
        {candidate ? (
          <div className="mt-4 space-y-3" data-testid="transfer-candidate">
            <p>
              <span className="font-mono">{candidate.code}</span> · {candidate.name}{" "}
              <Badge>{c(`tenderStatus.${candidate.status}`)}</Badge>
            </p>
            <p className="text-sm text-slate-700">
              {t("counts", { bids: candidate.bids, participants: candidate.participants })}
            </p>
            {candidate.transfer ? (
              <p role="status" className="text-sm">
                {t("alreadyMoved", { lpse: candidate.transfer.destinationName })}{" "}
                <a href={candidate.transfer.destinationUrl} rel="noopener noreferrer">
                  {candidate.transfer.destinationUrl}
                </a>
              </p>
            ) : candidate.refusal ? (
              <p role="status" className="text-sm text-red-800">
                {e(candidate.refusal.messageKey, candidate.refusal.values)}
              </p>
            ) : (
              <p>
                <a
                  href={`/api/admin/tender-bundle/${encodeURIComponent(candidate.code)}`}
                  download
                  className="inline-block rounded bg-brand-700 px-4 py-2 text-white"
                >
                  {t("download")}
                </a>
                <span className="ml-3 text-sm text-slate-700">{t("downloadHint")}</span>
              </p>
            )}
          </div>
        ) : null}
      </Card>

      {candidate && !candidate.transfer && ["PUBLISHED", "EVALUATION", "AWARDED"].includes(candidate.status) ? (
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("markTitle")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("markIntro")}</p>
          <MarkTransferredForm code={candidate.code} manifestSha256={candidate.lastExportSha256} />
        </Card>
      ) : null}

      {/* The receiving side: the import (transfer module, its own component). */}
      <section aria-label={t("importSection")}>
        <ImportTenderSection />
      </section>
    </div>
  );
}
