import "server-only";
import type { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import type { DocumentKind } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { removeStored, storeStream } from "@/server/storage";
import { cleanFileName, isAcceptedDocumentType, MAX_DOCUMENT_BYTES, nameForType } from "../domain/file-types";
import { authorizeDocumentTarget, type DocumentTarget } from "./document-target";

export interface UploadInput {
  target: DocumentTarget;
  kind: DocumentKind;
  fileName: string;
  body: ReadableStream<Uint8Array> | Readable;
}

/** Stores an uploaded document: permission first, then the stream, then the row and its audit event. */
export async function uploadDocument(actor: Actor, input: UploadInput) {
  const keys = await authorizeDocumentTarget(actor, input.target, input.kind);
  const stored = await storeStream(input.body, MAX_DOCUMENT_BYTES);
  try {
    const detected = await fileTypeFromBuffer(stored.head);
    if (!isAcceptedDocumentType(detected?.mime)) throw new AppError("VALIDATION", "fileTypeNotAllowed");
    const fileName = nameForType(input.fileName, detected.mime);
    const uploadedAs = cleanFileName(input.fileName);
    return await db.$transaction(async (tx) => {
      const document = await tx.document.create({
        data: {
          ...keys,
          kind: input.kind,
          fileName,
          mimeType: detected.mime,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedById: actor.userId,
        },
        select: { id: true, fileName: true, kind: true, sha256: true, sizeBytes: true, mimeType: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "document.uploaded",
        entityType: "Document",
        entityId: document.id,
        data: {
          ...keys,
          kind: input.kind,
          fileName,
          ...(uploadedAs !== fileName ? { uploadedAs } : {}),
          sha256: stored.sha256,
          sizeBytes: stored.sizeBytes,
        },
      });
      return document;
    });
  } catch (error) {
    await removeStored(stored.storageKey);
    throw error;
  }
}
