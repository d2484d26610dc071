// Stages one bid file through the portal's tus endpoint the way the browser does
// (tus-js-client, a fresh staging key per upload, 1 MiB PATCHes, retries on network
// errors), signed in with `cookie`. Resolves to the staged BidFile the final PATCH returns.
import { Upload } from "tus-js-client";
import {
  CONTENT_HASH_HEADER,
  contentHashOf,
  FILE_NAME_HEADER,
  newStagingKey,
  STAGING_KEY_HEADER,
  UPLOAD_CHUNK_BYTES,
  UPLOADS_PATH,
} from "../../src/modules/bids/upload-protocol";

export interface StagedBidFile {
  id: string;
  part: string;
  commitment: string;
  sizeBytes: number;
  fileName: string;
  contentBytes: number;
  openProof?: string;
  [more: string]: unknown;
}

export interface TusUploadOptions {
  /** e.g. http://127.0.0.1:3200 */
  origin: string;
  /** the Cookie header of a signed-in PENYEDIA */
  cookie: string;
  tenderId: string;
  part: string;
  fileName: string;
  content: Buffer;
  chunkBytes?: number;
  retryDelays?: number[];
}

export async function tusUpload(options: TusUploadOptions): Promise<StagedBidFile> {
  const headers = {
    cookie: options.cookie,
    [STAGING_KEY_HEADER]: newStagingKey(),
    [FILE_NAME_HEADER]: encodeURIComponent(options.fileName),
    [CONTENT_HASH_HEADER]: await contentHashOf(options.content),
  };
  return new Promise((resolve, reject) => {
    const upload = new Upload(options.content, {
      endpoint: new URL(UPLOADS_PATH, options.origin).toString(),
      headers,
      metadata: { tenderId: options.tenderId, part: options.part },
      chunkSize: options.chunkBytes ?? UPLOAD_CHUNK_BYTES,
      retryDelays: options.retryDelays ?? [0, 500, 1_000, 2_000, 5_000],
      onError: reject,
      onSuccess: ({ lastResponse }) => {
        try {
          const reply = JSON.parse(lastResponse.getBody()) as { ok: boolean; data?: StagedBidFile; message?: string };
          if (reply.ok && reply.data) resolve(reply.data);
          else
            reject(new Error(reply.message ?? `upload finished without a staged file (${lastResponse.getStatus()})`));
        } catch {
          reject(new Error(`upload finished without a staged file (${lastResponse.getStatus()})`));
        }
      },
    });
    upload.start();
  });
}
