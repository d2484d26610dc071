import { create as createContentDisposition } from "content-disposition";

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

/** Other endings people give a type, which are kept as they are (anything else is replaced). */
const EXTENSION_ALIASES: Record<string, readonly string[]> = { jpg: ["jpeg", "jpe"] };

/** Per-file limit for documents (selection documents with drawings can be large). */
export const MAX_DOCUMENT_BYTES = 50 * 1_048_576;

export function isAcceptedDocumentType(mime: string | undefined): mime is string {
  return mime !== undefined && mime in DOCUMENT_TYPES;
}

/** A file name safe to show and to put in Content-Disposition. */
export function cleanFileName(raw: string | null | undefined): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f"<>|:*?]/g, "_")
    .trim()
    .slice(0, 180);
  return cleaned || "dokumen";
}

/**
 * The name a stored file is kept and served under: cleaned, and ending in the extension of
 * the type its content was detected as, so "laporan.exe" whose content is a PDF becomes
 * "laporan.pdf" (never opened by the wrong program after download). Renamed rather than
 * refused: the content was accepted, and a vendor racing a deadline should not have to
 * rename a file by hand. A dotted tail that is no extension ("v1.2 final") is kept.
 */
export function nameForType(raw: string | null | undefined, mime: string): string {
  const cleaned = cleanFileName(raw);
  const extension = DOCUMENT_TYPES[mime];
  if (!extension) return cleaned;
  const match = /^(.*)\.([A-Za-z0-9]{1,8})$/.exec(cleaned);
  if (match && [extension, ...(EXTENSION_ALIASES[extension] ?? [])].includes(match[2]!.toLowerCase())) return cleaned;
  const stem = (match ? match[1]! : cleaned).trim() || "dokumen";
  return `${stem.slice(0, 175)}.${extension}`;
}

/**
 * Content-Disposition for a download (RFC 6266): the name in RFC 8187 encoding, which
 * also escapes the quotes and brackets encodeURIComponent leaves, plus an ASCII fallback
 * for old clients. The extension follows the stored type, for files kept before names did.
 */
export function attachmentDisposition(fileName: string, mime: string): string {
  return createContentDisposition(nameForType(fileName, mime));
}
