import { getLocale, getTranslations } from "next-intl/server";
import type { TenderStatus } from "@/generated/prisma/enums";
import { isLocale } from "@/i18n/locales";
import { TenderEndedNotice } from "@/modules/announcement/components";
import type { Actor } from "@/modules/auth/domain";
import { DocumentUpload } from "@/modules/tenders/components";
import { CANCELLABLE_STATUSES } from "../domain/cancellation-rules";
import { findCancellationDocuments, getCancellation } from "../server/cancellation-documents";
import { CancelTenderForm } from "./cancel-tender-form";

/**
 * The Pokja's tender batal, on its tender page: while the tender can be cancelled, first
 * the letters (the one document upload, kind PEMBATALAN), then the form that cites them;
 * once cancelled, the same notice the public and the bidders read, with the letters.
 */
export async function CancelTenderSection({
  actor,
  tenderId,
  status,
}: {
  actor: Actor;
  tenderId: string;
  status: TenderStatus;
}) {
  if (status === "CANCELLED") return <Cancelled actor={actor} tenderId={tenderId} />;
  if (!CANCELLABLE_STATUSES.includes(status)) return null;
  const [t, documents] = await Promise.all([
    getTranslations("remedies.cancel"),
    findCancellationDocuments(actor, tenderId),
  ]);
  return (
    <section aria-labelledby="batal" className="space-y-3 rounded-lg border border-red-200 p-4">
      <h2 id="batal" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <DocumentUpload tenderId={tenderId} kind="PEMBATALAN" label={t("letter")} hint={t("letterHint")} />
      <CancelTenderForm tenderId={tenderId} documents={documents.map(({ id, fileName }) => ({ id, fileName }))} />
    </section>
  );
}

async function Cancelled({ actor, tenderId }: { actor: Actor; tenderId: string }) {
  const [t, localeValue, cancellation, documents] = await Promise.all([
    getTranslations("remedies.cancel"),
    getLocale(),
    getCancellation(actor, tenderId),
    findCancellationDocuments(actor, tenderId),
  ]);
  return (
    <section className="space-y-2">
      <TenderEndedNotice
        status="CANCELLED"
        endReason={cancellation.endReason}
        endedAt={cancellation.cancelledAt}
        timeZone={cancellation.timeZone}
        locale={isLocale(localeValue) ? localeValue : "id"}
      />
      {documents.length ? (
        <ul aria-label={t("documents")} className="list-disc pl-5 text-sm">
          {documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/documents/${d.id}`}>{d.fileName}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
