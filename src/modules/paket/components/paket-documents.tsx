import { getTranslations } from "next-intl/server";
import type { PaketDetail } from "../server/get-paket";
import { DocumentUpload } from "./document-upload";

/** The paket's KAK, specification and draft contract, with the upload while still editable. */
export async function PaketDocuments({ paket }: { paket: PaketDetail }) {
  const t = await getTranslations("paket.documents");
  return (
    <section aria-labelledby="paket-documents" className="space-y-3">
      <h2 id="paket-documents" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {paket.documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul
          data-testid="paket-documents"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {paket.documents.map((doc) => (
            <li key={doc.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span>
                <span className="font-medium">{t(`kinds.${doc.kind}`)}</span>:{" "}
                <a href={`/api/documents/${doc.id}`}>{doc.fileName}</a>
              </span>
              <span className="text-slate-600 tabular-nums">
                {t("size", { kb: Math.max(1, Math.round(Number(doc.sizeBytes) / 1024)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {paket.canEdit ? <DocumentUpload paketId={paket.id} /> : null}
    </section>
  );
}
