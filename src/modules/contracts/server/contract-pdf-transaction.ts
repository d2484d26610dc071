import "server-only";
import type { Actor } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { inPdfTransaction, storeGeneratedPdf } from "@/server/pdf";

const FILE_PREFIX = { KONTRAK: "Kontrak", SPMK: "SPMK" } as const;

export interface ContractPdf {
  kind: keyof typeof FILE_PREFIX;
  tenderId: string;
  tenderCode: string;
  bytes: Buffer;
}

/**
 * The frame of a PPK step that issues one of the contract's PDFs (the KONTRAK on signing, the
 * SPMK): `work` runs in one transaction and stores its PDF through `storePdf`, for both parties
 * and not public (the public reads the summary and the OCDS release); if the transaction fails,
 * the stored file is removed, so no file outlives its rolled-back Document row.
 */
export async function inContractPdfTransaction<T>(
  actor: Actor,
  work: (tx: Tx, storePdf: (pdf: ContractPdf) => Promise<{ id: string; sha256: string }>) => Promise<T>,
): Promise<T> {
  return inPdfTransaction((tx, files) =>
    work(tx, async (pdf) => {
      const stored = await storeGeneratedPdf(tx, {
        kind: pdf.kind,
        fileName: `${FILE_PREFIX[pdf.kind]}-${pdf.tenderCode}.pdf`,
        bytes: pdf.bytes,
        tenderId: pdf.tenderId,
        isPublic: false,
        uploadedById: actor.userId,
      });
      files.keep(stored.discard);
      return stored.document;
    }),
  );
}
