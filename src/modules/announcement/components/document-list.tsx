import { getTranslations } from "next-intl/server";
import { RowHeader, Table, Td, Th } from "@/components/ui/table";
import type { DisplayLocale } from "@/lib/time";
import { formatFileSize, shortHash } from "../domain/file-size";
import type { AnnouncementDocument } from "../server/get-announcement";

/**
 * Public documents with their size (to decide before downloading on a slow line) and
 * SHA-256 (to check the file afterwards; the download sends the same value in a header).
 */
export async function DocumentList({
  documents,
  locale,
}: {
  documents: AnnouncementDocument[];
  locale: DisplayLocale;
}) {
  const [t, a] = await Promise.all([getTranslations("announcement.documents"), getTranslations("announcement")]);
  return (
    <section aria-labelledby="dokumen" className="space-y-2">
      <h2 id="dokumen" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table label={t("title")}>
          <thead>
            <tr>
              <Th>{t("fileName")}</Th>
              <Th>{t("kind")}</Th>
              <Th className="text-right">{t("size")}</Th>
              <Th>{t("sha256")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {documents.map((doc) => (
              <tr key={doc.id}>
                <RowHeader className="min-w-48 font-normal">
                  {/* A plain anchor: a download is not a page for the router to fetch. */}
                  <a
                    href={`/api/documents/${doc.id}`}
                    download={doc.fileName}
                    aria-label={t("download", { file: doc.fileName })}
                    className="break-all"
                  >
                    {doc.fileName}
                  </a>
                </RowHeader>
                <Td>{a(`documentKind.${doc.kind}`)}</Td>
                <Td className="text-right whitespace-nowrap tabular-nums">{formatFileSize(doc.sizeBytes, locale)}</Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer font-mono text-xs" title={doc.sha256}>
                      {shortHash(doc.sha256)}
                    </summary>
                    <p className="mt-1 text-xs text-slate-600">{t("sha256Full")}</p>
                    <code className="block max-w-xs font-mono text-xs break-all">{doc.sha256}</code>
                  </details>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
