import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { expect } from "vitest";
import { db } from "@/server/db";
import { requestScope } from "@/tests/setup/next-request-scope";
import { bidPdf, makeBidder, makeSealedBidTender } from "@/tests/factories";
import { approveOpening } from "../server/opening/approve-opening";
import { readOpenedBidFile } from "../server/opening/read-opened-bid-file";
import {
  CONTENT_HASH_HEADER,
  FILE_NAME_HEADER,
  newStagingKey,
  STAGING_KEY_HEADER,
  UPLOADS_PATH,
} from "../upload-protocol";
import { passDeadline } from "./opening.fixture";

// A vendor's browser speaking tus to the real upload route, for the resumable-upload
// tests. The test file stands in Next's request scope (tests/setup/next-request-scope.ts).

/** The opening as the Pokja runs it (the deadline passed, k members approve), then one member reads the file. */
export async function openAfterDeadline(
  tenderId: string,
  members: { actor: Parameters<typeof approveOpening>[0]; passphrase: string }[],
  fileId: string,
) {
  await passDeadline(tenderId);
  for (const m of members.slice(0, 2)) await approveOpening(m.actor, { tenderId, passphrase: m.passphrase });
  return readOpenedBidFile(members[0]!.actor, fileId);
}
const ORIGIN = "http://127.0.0.1:3000";

export async function signIn(user: { id: string }) {
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    select: { id: true },
  });
  const token = await encode({ token: { sub: user.id, sid: session.id }, secret: process.env.NEXTAUTH_SECRET! });
  requestScope.headers = new Headers({
    cookie: `next-auth.session-token=${token}`,
    "user-agent": "vitest",
    "x-forwarded-for": "127.0.0.1",
  });
}

type Body = Buffer | ReadableStream<Uint8Array> | null;
export async function send(
  method: "POST" | "PATCH" | "HEAD" | "DELETE",
  url: string,
  headers: Record<string, string>,
  body: Body = null,
): Promise<Response> {
  const request = new Request(new URL(url, ORIGIN), {
    method,
    headers: { "Tus-Resumable": "1.0.0", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const route = await import("@/app/api/bids/uploads/[[...id]]/route");
  return route[method](request);
}

export const stagingRoot = () => path.join(process.env.SEGEL_FILE_STORE!, "staging");
/** Every byte in the staging area, file by file. */
export function stagedFiles(): { name: string; bytes: Buffer }[] {
  if (!existsSync(stagingRoot())) return [];
  return readdirSync(stagingRoot()).map((name) => ({ name, bytes: readFileSync(path.join(stagingRoot(), name)) }));
}

export const metadata = (tenderId: string, part = "HARGA") =>
  `tenderId ${Buffer.from(tenderId).toString("base64")},part ${Buffer.from(part).toString("base64")}`;

export async function create(tenderId: string, length: number, key: string, extra: Record<string, string> = {}) {
  return send("POST", UPLOADS_PATH, {
    "Upload-Length": String(length),
    "Upload-Metadata": metadata(tenderId),
    [STAGING_KEY_HEADER]: key,
    ...extra,
  });
}

/** The hash the browser sends of the whole file; a test that finishes an upload names its content (`willSend`). */
let contentHash = createHash("sha256").update("").digest("base64url");
export const hashOf = (content: Buffer) => createHash("sha256").update(content).digest("base64url");
export function willSend(content: Buffer) {
  contentHash = hashOf(content);
}

export function patch(location: string, key: string, offset: number, body: Body, extra: Record<string, string> = {}) {
  const headers = {
    "Upload-Offset": String(offset),
    "Content-Type": "application/offset+octet-stream",
    [STAGING_KEY_HEADER]: key,
    [FILE_NAME_HEADER]: encodeURIComponent("surat penawaran harga.pdf"),
    [CONTENT_HASH_HEADER]: contentHash,
  };
  return send("PATCH", location, { ...headers, ...extra }, body);
}

/** A signed-in bidder of a fresh sealed-bid tender who has begun uploading `bidPdf(marker, padBytes)`. */
export async function startUpload(marker: string, padBytes: number) {
  const { tender } = await makeSealedBidTender();
  const { user } = await makeBidder(tender.id);
  await signIn(user);
  const content = bidPdf(marker, padBytes);
  willSend(content);
  const key = newStagingKey();
  const location = (await create(tender.id, content.length, key)).headers.get("location")!;
  return { tender, user, content, key, location };
}

/** A body that sends `bytes` and then fails, as a connection cut mid-chunk does. */
export function cutAfter(bytes: Buffer): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (sent) return controller.error(new Error("connection reset"));
      sent = true;
      controller.enqueue(new Uint8Array(bytes));
    },
  });
}

/** A body that records whether anyone read from it. */
export function watched(bytes: Buffer) {
  const state = { read: false };
  // highWaterMark 0: nothing is pulled until a reader asks
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.read = true;
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state };
}

export async function refusal(response: Response, what = "") {
  const body = (await response.json()) as { ok: boolean; code: string; message: string };
  expect(body.ok, what).toBe(false);
  expect(body.code, `${what}: ${body.message}`).not.toBe("UNEXPECTED");
  expect(body.message.length, what).toBeGreaterThan(10);
  return { status: response.status, ...body };
}
