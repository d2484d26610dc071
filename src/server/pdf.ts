import "server-only";
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import type { DocumentKind } from "@/generated/prisma/enums";
import { toPdfText } from "@/lib/pdf-text";
import { db, type Tx } from "./db";
import { removeStored, storeStream } from "./storage";

export type Pdf = PDFKit.PDFDocument;

/** Files stored during a transaction: `keep` takes a file's `discard` (null: nothing stored). */
export interface StoredFiles {
  keep(discard: (() => Promise<void>) | null | undefined): void;
}

/**
 * A transaction that draws and stores PDFs (a berita acara, a letter, a contract): 30 s,
 * since drawing takes more than Prisma's default 5 s on a loaded machine and a timed-out
 * transaction loses the decision; and every file `work` keeps is removed again if the
 * transaction does not commit, so no file outlives its rolled-back Document row.
 */
export async function inPdfTransaction<T>(work: (tx: Tx, files: StoredFiles) => Promise<T>): Promise<T> {
  const discards: (() => Promise<void>)[] = [];
  const files: StoredFiles = { keep: (discard) => void (discard && discards.push(discard)) };
  try {
    return await db.$transaction((tx) => work(tx, files), { timeout: 30_000 });
  } catch (error) {
    await Promise.all(discards.map((discard) => discard().catch(() => undefined)));
    throw error;
  }
}

/**
 * Renders a PDF with pdfkit's built-in Helvetica (no font download; Latin-1 covers
 * Indonesian). `build` writes the content; the bytes come back when the document ends.
 */
export function renderPdf(info: { title: string; author: string }, build: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: info.title, Author: info.author, Creator: "Segel" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  build(doc);
  doc.end();
  return done;
}

/** A "label: value" line of a berita acara. */
export function pdfRow(doc: Pdf, label: string, value: string) {
  doc
    .font("Helvetica-Bold")
    .fontSize(10)
    .text(`${toPdfText(label)}: `, { continued: true })
    .font("Helvetica")
    .text(toPdfText(value));
}

/** A section heading of a berita acara. */
export function pdfHeading(doc: Pdf, text: string) {
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(11).text(toPdfText(text)).moveDown(0.2);
}

/** The LPSE's logo (PNG or JPEG) and its address and contact lines, from its profile. */
export interface PdfLetterhead {
  logo: Buffer | null;
  lines: string[];
}

/** The top of a berita acara: the LPSE (with its logo and address when given), the title, and the tender it records. */
export function pdfTenderHeader(
  doc: Pdf,
  head: {
    lpseName: string;
    title: string;
    tenderCode: string;
    paketName: string;
    agencyName: string;
    procedureName: string;
    letterhead?: PdfLetterhead;
  },
) {
  if (head.letterhead?.logo) {
    const size = 48;
    const top = doc.y;
    try {
      doc.image(head.letterhead.logo, (doc.page.width - size) / 2, top, { fit: [size, size], align: "center" });
      doc.y = top + size + 6;
    } catch {
      // an unreadable logo leaves the letterhead without it rather than failing the berita acara
      doc.y = top;
    }
  }
  doc.font("Helvetica-Bold").fontSize(9).text(toPdfText(head.lpseName.toUpperCase()), { align: "center" });
  for (const line of head.letterhead?.lines ?? [])
    doc.font("Helvetica").fontSize(8).text(toPdfText(line), { align: "center" });
  doc.moveDown(0.5).fontSize(14).text(toPdfText(head.title), { align: "center" });
  doc.moveDown(1);
  pdfRow(doc, "Kode tender", head.tenderCode);
  pdfRow(doc, "Nama paket", head.paketName);
  pdfRow(doc, "K/L/PD", head.agencyName);
  pdfRow(doc, "Metode pemilihan", head.procedureName);
}

/**
 * Stores a generated PDF in the file store and records it as a Document in the caller's
 * transaction. If the transaction fails, the caller calls `discard()` to remove the file.
 */
export async function storeGeneratedPdf(
  tx: Tx,
  input: {
    kind: DocumentKind;
    fileName: string;
    bytes: Buffer;
    tenderId?: string;
    isPublic: boolean;
    uploadedById?: string | null;
  },
) {
  const stored = await storeStream(Readable.from([input.bytes]), input.bytes.length + 1);
  const document = await tx.document.create({
    data: {
      kind: input.kind,
      fileName: input.fileName,
      mimeType: "application/pdf",
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      isPublic: input.isPublic,
      tenderId: input.tenderId,
      uploadedById: input.uploadedById ?? null,
    },
    select: { id: true, sha256: true, fileName: true },
  });
  return { document, discard: () => removeStored(stored.storageKey) };
}
