/**
 * File types accepted for procurement documents, checked by content (magic bytes), never
 * by the file's name. Office files are ZIP containers; file-type tells docx/xlsx apart.
 */
export const DOCUMENT_TYPES: Record<string, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/zip": "zip",
  "image/png": "png",
  "image/jpeg": "jpg",
};

/** Per-file limit for documents (selection documents with drawings can be large). */
export const MAX_DOCUMENT_BYTES = 50 * 1_048_576;

export function isAcceptedDocumentType(mime: string | undefined): mime is string {
  return mime !== undefined && mime in DOCUMENT_TYPES;
}

/** A file name safe to show and to put in Content-Disposition. */
export function cleanFileName(raw: string | null | undefined): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f"<>|:*?]/g, "_").trim().slice(0, 180);
  return cleaned || "dokumen";
}
