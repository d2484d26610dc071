import { getTranslations } from "next-intl/server";
import type { VendorProfile } from "../server/vendor-profile";

const KB = 1024;
const size = (bytes: bigint) =>
  bytes < BigInt(KB * KB) ? `${Math.ceil(Number(bytes) / KB)} KB` : `${(Number(bytes) / KB / KB).toFixed(1)} MB`;

/** The company's uploaded documents, each a download link with its SHA-256 to compare. */
export async function VendorDocuments({ documents }: { documents: VendorProfile["documents"] }) {
  const t = await getTranslations("vendors.documents");
  if (documents.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm">
      {documents.map((d) => (
        <li key={d.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
          <a href={`/api/documents/${d.id}`} className="font-medium break-all" data-testid="vendor-document">
            {d.fileName}
          </a>
          <span className="text-slate-600">{size(d.sizeBytes)}</span>
          <span className="w-full font-mono text-xs break-all text-slate-500" title={t("sha256")}>
            SHA-256 {d.sha256}
          </span>
        </li>
      ))}
    </ul>
  );
}
