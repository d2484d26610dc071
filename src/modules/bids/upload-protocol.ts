// What the browser (tus-js-client), the bench client and the tus route agree on.
// Framework-free: imported by client components, the server and bench/.

/** The tus endpoint of bid files; an upload's URL is this path plus its id. */
export const UPLOADS_PATH = "/api/bids/uploads";

/**
 * The per-upload staging key (32 random bytes, base64url), sent with the creating POST
 * and every PATCH. The server encrypts each chunk under it as it arrives and keeps only
 * a check value, never the key (docs/decisions/0019).
 */
export const STAGING_KEY_HEADER = "Segel-Staging-Key";

/** The file's name, URI-encoded, sent with every PATCH: it is sealed at the end, never staged. */
export const FILE_NAME_HEADER = "X-File-Name";

/**
 * SHA-256 of the whole file as the browser read it (base64url), sent with every PATCH. CTR
 * staging is not authenticated, so the server compares the decrypted staged bytes with it,
 * in memory, before sealing: a staged chunk altered in the store is refused, never sealed.
 */
export const CONTENT_HASH_HEADER = "Segel-Content-Sha256";

/** Bytes per PATCH: a cut connection costs at most this much again. Configuration, not law. */
export const UPLOAD_CHUNK_BYTES = 1_048_576;

/** Waits between retries after a network error (ms); tus-js-client resumes from the server's offset. */
export const UPLOAD_RETRY_DELAYS = [0, 1_000, 3_000, 5_000, 10_000, 20_000, 30_000];

export const STAGING_KEY_BYTES = 32;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A fresh staging key from the platform's CSPRNG (WebCrypto in the browser and in Node). */
export function newStagingKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(STAGING_KEY_BYTES)));
}

/** The file's SHA-256 for CONTENT_HASH_HEADER (WebCrypto; a bid file is at most 20 MB, read once). */
export async function contentHashOf(data: Blob | Uint8Array): Promise<string> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
  return toBase64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)));
}
