import { getTranslations } from "next-intl/server";
import type { TenderSetupView } from "../server/get-tender-setup";

export async function DocumentList({ documents }: { documents: TenderSetupView["documents"] }) {
  const t = await getTranslations("tender.setup");
  if (documents.length === 0) return <p className="text-sm text-slate-600">{t("noDocuments")}</p>;
  return (
    <ul aria-label={t("documentsLabel")} className="list-disc pl-5 text-sm">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={`/api/documents/${d.id}`}>{d.fileName}</a>{" "}
          <span className="text-slate-600">({Math.ceil(d.sizeBytes / 1024)} KB)</span>
        </li>
      ))}
    </ul>
  );
}
