"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Upload, type DetailedError } from "tus-js-client";
import { nextRate, secondsRemaining, type RateSample } from "../domain/upload-rate";
import {
  CONTENT_HASH_HEADER,
  contentHashOf,
  FILE_NAME_HEADER,
  newStagingKey,
  STAGING_KEY_HEADER,
  UPLOAD_CHUNK_BYTES,
  UPLOAD_RETRY_DELAYS,
  UPLOADS_PATH,
} from "../upload-protocol";

/** What the server answers when the last chunk is sealed (the staged BidFile). */
export interface StagedReply {
  id: string;
  part: string;
  commitment: string;
  sizeBytes: number;
  fileName: string;
  contentBytes: number;
}

export type UploadState =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number; secondsLeft: number | null; resumed: boolean }
  | { kind: "error"; message: string | null; status: number };

/**
 * An upload not yet finished in this browser: its staging key lives here, beside
 * tus-js-client's resume record (the upload's URL), so a reload or a dropped line resumes
 * where the server's offset stands. The key never leaves this browser except to the server
 * with each chunk (docs/decisions/0019).
 */
interface PendingUpload {
  key: string;
  name: string;
  tenderId: string;
  part: string;
}
const PENDING_PREFIX = "segel.bid.upload.";

const fingerprintOf = (tenderId: string, part: string, file: File) =>
  `segel-bid/${tenderId}/${part}/${encodeURIComponent(file.name)}/${file.size}/${file.lastModified}`;

function readPending(fingerprint: string): PendingUpload | null {
  try {
    return JSON.parse(localStorage.getItem(PENDING_PREFIX + fingerprint) ?? "null") as PendingUpload | null;
  } catch {
    return null;
  }
}

function writePending(fingerprint: string, pending: PendingUpload) {
  try {
    localStorage.setItem(PENDING_PREFIX + fingerprint, JSON.stringify(pending));
  } catch {
    // storage full or disabled: the upload still runs, it just cannot resume after a reload
  }
}

function forgetPending(fingerprint: string) {
  try {
    localStorage.removeItem(PENDING_PREFIX + fingerprint);
  } catch {}
}

/** Names of this part's unfinished uploads in this browser, to invite choosing the same file again. */
export function pendingUploadNames(tenderId: string, part: string): string[] {
  try {
    return Object.keys(localStorage)
      .filter((k) => k.startsWith(PENDING_PREFIX))
      .map((k) => readPending(k.slice(PENDING_PREFIX.length)))
      .filter((p): p is PendingUpload => p?.tenderId === tenderId && p.part === part)
      .map((p) => p.name);
  } catch {
    return [];
  }
}

function replyOf(body: string | undefined): { ok?: boolean; message?: string; data?: StagedReply } {
  try {
    return JSON.parse(body ?? "") as { ok?: boolean; message?: string; data?: StagedReply };
  } catch {
    return {};
  }
}

/**
 * One bid part's upload over tus (tus-js-client): 1 MiB chunks, retries with back-off on
 * network errors, resume from the server's offset after a cut or a reload, and progress
 * with a smoothed time remaining.
 */
export function useResumableUpload(tenderId: string, part: string) {
  const [state, setState] = useState<UploadState>({ kind: "idle" });
  const current = useRef<Upload | null>(null);
  useEffect(() => () => void current.current?.abort(), []);

  const start = useCallback(
    async (file: File, onDone: (file: StagedReply) => void) => {
      const fingerprint = fingerprintOf(tenderId, part, file);
      const key = readPending(fingerprint)?.key ?? newStagingKey();
      writePending(fingerprint, { key, name: file.name, tenderId, part });
      const contentHash = await contentHashOf(file);
      let sample: RateSample | null = null;
      let resumed = false;
      const upload = new Upload(file, {
        endpoint: UPLOADS_PATH,
        chunkSize: UPLOAD_CHUNK_BYTES,
        retryDelays: UPLOAD_RETRY_DELAYS,
        metadata: { tenderId, part },
        headers: {
          [STAGING_KEY_HEADER]: key,
          [FILE_NAME_HEADER]: encodeURIComponent(file.name),
          [CONTENT_HASH_HEADER]: contentHash,
        },
        fingerprint: async () => fingerprint,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress(sent, total) {
          sample = nextRate(sample, sent, performance.now());
          setState({
            kind: "uploading",
            percent: Math.floor((sent * 100) / total),
            secondsLeft: secondsRemaining(sample, total),
            resumed,
          });
        },
        onSuccess({ lastResponse }) {
          forgetPending(fingerprint);
          const reply = replyOf(lastResponse.getBody());
          if (reply.ok && reply.data) {
            setState({ kind: "idle" });
            onDone(reply.data);
          } else {
            setState({ kind: "error", message: reply.message ?? null, status: lastResponse.getStatus() });
          }
        },
        onError(error) {
          const response = (error as DetailedError).originalResponse;
          const status = response?.getStatus() ?? 0;
          // refused (not a network failure): this file will not resume, so forget its key
          if (status >= 400 && status < 500 && status !== 409 && status !== 423) forgetPending(fingerprint);
          setState({ kind: "error", message: replyOf(response?.getBody()).message ?? null, status });
        },
      });
      current.current = upload;
      const previous = await upload.findPreviousUploads();
      if (previous[0]) {
        resumed = true;
        upload.resumeFromPreviousUpload(previous[0]);
      }
      setState({ kind: "uploading", percent: 0, secondsLeft: null, resumed });
      upload.start();
    },
    [tenderId, part],
  );

  return { state, start };
}
