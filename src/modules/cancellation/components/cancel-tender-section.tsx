import { getTranslations } from "next-intl/server";
import type { TenderStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain/permissions";
import { DocumentUpload } from "@/modules/tenders/components/document-upload";
import { CANCELLABLE_STATUSES } from "../domain/cancellation-rules";
import { findCancellationDocuments } from "../server/cancellation-documents";
import { CancelTenderForm } from "./cancel-tender-form";

/**
 * The Pokja's tender batal, on its tender page while the tender can be cancelled: first
 * the letters (the one document upload, kind PEMBATALAN), then the form that cites them.
 */
export async function CancelTenderSection({ actor, tenderId, status }: { actor: Actor; tenderId: string; status: TenderStatus }) {
  if (!CANCELLABLE_STATUSES.includes(status)) return null;
  const [t, documents] = await Promise.all([getTranslations("remedies.cancel"), findCancellationDocuments(actor, tenderId)]);
  return (
    <section aria-labelledby="batal" className="space-y-3 rounded-lg border border-red-200 p-4">
      <h2 id="batal" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <DocumentUpload tenderId={tenderId} kind="PEMBATALAN" label={t("letter")} hint={t("letterHint")} />
      <CancelTenderForm tenderId={tenderId} documents={documents.map(({ id, fileName }) => ({ id, fileName }))} />
    </section>
  );
}
