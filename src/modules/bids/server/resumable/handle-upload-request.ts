import "server-only";
import { Duplex } from "node:stream";
import { Server } from "@tus/server";
import { Metadata, type Upload } from "@tus/utils";
import type { Actor } from "@/modules/auth/domain";
import { AppError, isAppError } from "@/server/errors";
import { fileNameHeader } from "@/server/route";
import { HTTP_STATUS, toUserError } from "@/server/user-error";
import { uploadQuerySchema } from "../../bid.schemas";
import { MAX_BID_FILE_BYTES } from "../../domain/bid-rules";
import { CONTENT_HASH_HEADER, STAGING_KEY_HEADER, UPLOADS_PATH } from "../../upload-protocol";
import { authorizeNewUpload, authorizeUpload, FILE_TOO_LARGE, type StagedUploadMeta } from "./authorize-upload";
import { finishUpload } from "./finish-upload";
import { matchesKeyCheck, parseContentHash, parseStagingKey, stagingCipherAt, stagingKeyCheck } from "./staging-cipher";
import { stagingStore, uploadLocker } from "./staging-store";

/**
 * One request of the tus protocol (creation, HEAD, PATCH, termination) on bid files. Every
 * request is authorised and its headers checked HERE, before tus or the store sees a
 * byte; tus (@tus/server) then does the protocol, the offsets and the locking, and the
 * body it stores is the ciphertext under the browser's staging key (docs/decisions/0019).
 */
export async function handleUploadRequest(request: Request, actor: Actor): Promise<Response> {
  try {
    if (request.headers.get("tus-resumable") !== "1.0.0") throw new AppError("VALIDATION", "uploadProtocol");
    const response = request.method === "POST" ? await create(request, actor) : await resume(request, actor);
    return withJsonType(response);
  } catch (error) {
    return withJsonType(await errorResponse(error, actor.locale));
  }
}

const DIGITS = /^\d{1,15}$/;

async function create(request: Request, actor: Actor): Promise<Response> {
  const lengthHeader = request.headers.get("upload-length");
  if (
    !lengthHeader ||
    !DIGITS.test(lengthHeader) ||
    request.headers.has("upload-defer-length") ||
    request.headers.has("upload-concat")
  )
    throw new AppError("VALIDATION", "uploadLengthInvalid");
  const length = Number(lengthHeader);
  if (length === 0) throw new AppError("VALIDATION", "fileEmpty");
  if (length > MAX_BID_FILE_BYTES) throw FILE_TOO_LARGE();
  const parsed = uploadQuerySchema.safeParse(parseMetadata(request.headers.get("upload-metadata")));
  if (!parsed.success) throw new AppError("VALIDATION", "uploadMetadata");
  const key = parseStagingKey(request.headers.get(STAGING_KEY_HEADER));
  const { vendorId } = await authorizeNewUpload(actor, parsed.data.tenderId, length);
  const metadata: StagedUploadMeta = { ...parsed.data, vendorId, keyCheck: stagingKeyCheck(key) };
  key.fill(0);
  // Creation carries no data here (creation-with-upload would stage bytes unencrypted): the body is dropped.
  const headers = new Headers(request.headers);
  ["content-type", "content-length", STAGING_KEY_HEADER].forEach((h) => headers.delete(h));
  const forwarded = new Request(request.url, { method: "POST", headers });
  return tusServer(actor, { onUploadCreate: async () => ({ metadata: { ...metadata } }) }).handleWeb(forwarded);
}

function parseMetadata(header: string | null): Record<string, string | null> {
  try {
    return Metadata.parse(header ?? undefined);
  } catch {
    throw new AppError("VALIDATION", "uploadMetadata");
  }
}

async function resume(request: Request, actor: Actor): Promise<Response> {
  const id = new URL(request.url).pathname.slice(UPLOADS_PATH.length + 1);
  if (!/^[0-9a-f]{32}$/.test(id)) throw new AppError("NOT_FOUND", "uploadNotFound");
  const upload: Upload = await stagingStore()
    .datastore.getUpload(id)
    .catch(() => {
      throw new AppError("NOT_FOUND", "uploadNotFound");
    });
  const meta = await authorizeUpload(actor, upload);
  if (request.method !== "PATCH") return tusServer(actor).handleWeb(request);

  const key = parseStagingKey(request.headers.get(STAGING_KEY_HEADER));
  if (!matchesKeyCheck(key, meta.keyCheck)) throw new AppError("VALIDATION", "uploadStagingKey");
  const fileName = fileNameHeader(request);
  const contentHash = parseContentHash(request.headers.get(CONTENT_HASH_HEADER));
  if (request.headers.get("content-type") !== "application/offset+octet-stream")
    throw new AppError("VALIDATION", "uploadContentType");
  const offsetHeader = request.headers.get("upload-offset") ?? "";
  if (!DIGITS.test(offsetHeader) || Number(offsetHeader) > (upload.size ?? 0))
    throw new AppError("VALIDATION", "uploadOffsetInvalid");
  // An offset other than the stored one is tus's 409 (judged under the lock); tus-js-client then asks HEAD and resumes.
  const offset = Number(offsetHeader);
  if (request.headers.has("upload-length")) throw new AppError("VALIDATION", "uploadLengthInvalid");

  // Each chunk is encrypted at its offset before the store sees it.
  const headers = new Headers(request.headers);
  headers.delete(STAGING_KEY_HEADER);
  const body = request.body
    ? request.body.pipeThrough(Duplex.toWeb(stagingCipherAt(key, offset)) as TransformStream<Uint8Array, Uint8Array>)
    : null;
  const forwarded = new Request(request.url, { method: "PATCH", headers, body, duplex: "half" } as RequestInit);
  return tusServer(actor, {
    onUploadFinish: async () => {
      const file = await finishUpload(actor, id, meta, Buffer.from(key), fileName, contentHash);
      return {
        status_code: 200,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ok: true, data: file }),
      };
    },
  })
    .handleWeb(forwarded)
    .finally(() => key.fill(0));
}

type Hooks = Pick<ConstructorParameters<typeof Server>[0], "onUploadCreate" | "onUploadFinish">;

function tusServer(actor: Actor, hooks: Hooks = {}): Server {
  return new Server({
    path: UPLOADS_PATH,
    datastore: stagingStore().datastore,
    locker: uploadLocker(),
    relativeLocation: true,
    maxSize: MAX_BID_FILE_BYTES,
    disableTerminationForFinishedUploads: true,
    ...hooks,
    // tus's own refusals and the hooks' errors answer like every other route: a code and a message in the user's language
    onResponseError: async (_req, error) => tusError(error, actor.locale),
  });
}

/** tus's plain-text errors, by status, as the message keys a vendor reads. */
const TUS_STATUS_KEYS: Record<number, [AppError["code"], string]> = {
  404: ["NOT_FOUND", "uploadNotFound"],
  409: ["CONFLICT", "uploadOffsetMismatch"],
  410: ["NOT_FOUND", "uploadNotFound"],
  413: ["VALIDATION", "fileTooLarge"],
  415: ["VALIDATION", "uploadContentType"],
};

async function tusError(error: unknown, locale: Actor["locale"]): Promise<{ status_code: number; body: string }> {
  const tusStatus =
    !isAppError(error) && typeof (error as { status_code?: unknown })?.status_code === "number"
      ? (error as { status_code: number }).status_code
      : null;
  const known = tusStatus ? TUS_STATUS_KEYS[tusStatus] : undefined;
  const appError = isAppError(error)
    ? error
    : known
      ? new AppError(known[0], known[1], { maxMb: MAX_BID_FILE_BYTES / 1_048_576 })
      : tusStatus && tusStatus < 500
        ? new AppError("VALIDATION", "uploadProtocol")
        : error;
  const userError = await toUserError(appError, locale, "bid upload");
  const tooLarge = isAppError(appError) && ["fileTooLarge", "bidTooLarge"].includes(appError.messageKey);
  const status = tooLarge ? 413 : tusStatus && known ? tusStatus : HTTP_STATUS[userError.code];
  return { status_code: status, body: JSON.stringify({ ok: false, ...userError }) };
}

async function errorResponse(error: unknown, locale: Actor["locale"]): Promise<Response> {
  const { status_code, body } = await tusError(error, locale);
  return new Response(body, { status: status_code, headers: { "Tus-Resumable": "1.0.0" } });
}

function withJsonType(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  if (response.status >= 400) headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(response.body, { status: response.status, headers });
}
