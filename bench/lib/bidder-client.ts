// A vendor's browser, as the deadline spike drives it: stage bid files (over tus when the
// portal offers it, else the streaming POST /api/bids/files of the code before issue 9),
// submit the bid through the page's server action, fetch the signed receipt. Works
// against any checkout: the action's id is read from that checkout's own build.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface Vendor {
  baseUrl: string;
  /** Cookie header of a signed-in PENYEDIA */
  cookie: string;
  tenderId: string;
}

export interface StagedFile {
  id: string;
  /** present on the code before issue 9: the browser had to send it back with the bid */
  openProof?: string;
}

type TusUpload = (options: {
  origin: string;
  cookie: string;
  tenderId: string;
  part: string;
  fileName: string;
  content: Buffer;
}) => Promise<StagedFile>;

/** The tus client when this checkout of the bench has one and the portal answers on its endpoint. */
export async function detectTus(baseUrl: string, cookie: string): Promise<TusUpload | null> {
  if (!existsSync(path.join(import.meta.dirname, "tus-upload.ts"))) return null;
  const { UPLOADS_PATH } = await import("../../src/modules/bids/upload-protocol");
  const reply = await fetch(new URL(UPLOADS_PATH, baseUrl), {
    method: "OPTIONS",
    headers: { cookie, "Tus-Resumable": "1.0.0" },
  });
  await reply.arrayBuffer();
  if (!reply.ok) return null;
  return (await import("./tus-upload")).tusUpload as TusUpload;
}

export async function uploadFile(
  vendor: Vendor,
  part: string,
  fileName: string,
  content: Buffer,
  tus: TusUpload | null,
): Promise<StagedFile> {
  if (tus)
    return tus({ origin: vendor.baseUrl, cookie: vendor.cookie, tenderId: vendor.tenderId, part, fileName, content });
  const reply = await fetch(`${vendor.baseUrl}/api/bids/files?tenderId=${vendor.tenderId}&part=${part}`, {
    method: "POST",
    headers: {
      cookie: vendor.cookie,
      "x-file-name": encodeURIComponent(fileName),
      "content-type": "application/octet-stream",
    },
    body: new Uint8Array(content),
  });
  const body = (await reply.json().catch(() => ({}))) as { ok?: boolean; data?: StagedFile; message?: string };
  if (!reply.ok || !body.ok || !body.data) throw new Error(`upload ${part}: ${reply.status} ${body.message ?? ""}`);
  return body.data;
}

/** The id Next gave a server action in `root`'s production build. */
export function findActionId(root: string, exportedName: string, filePart = "bid.actions"): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === exportedName && (v.filename ?? "").includes(filePart),
  );
  if (!found) throw new Error(`no server action ${exportedName} in ${root}/.next`);
  return found[0];
}

export interface ActionReply {
  ok: boolean;
  data?: { bidId: string; receivedAt?: string | null; submittedAt: string };
  code?: string;
  message?: string;
}

/**
 * The submit as the page's client sends it: a POST to the page with the action's id and
 * the arguments as a JSON array; `headers` are added to the browser's.
 */
export function submitRequest(
  vendor: Vendor,
  actionId: string,
  input: { price: string; files: StagedFile[]; idempotencyKey: string },
  headers: Record<string, string> = {},
) {
  return {
    url: `${vendor.baseUrl}/penyedia/penawaran/${vendor.tenderId}`,
    headers: {
      cookie: vendor.cookie,
      "next-action": actionId,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: vendor.baseUrl,
      ...headers,
    },
    body: JSON.stringify([
      {
        tenderId: vendor.tenderId,
        price: input.price,
        files: input.files,
        idempotencyKey: input.idempotencyKey,
        // the pakta integritas, ticked on the page (issue 15)
        integrityPact: true,
      },
    ]),
  };
}

/** The action's return value in its reply, in React's flight format (one row a line, `1:{...}` holding it). */
export function readActionReply(status: number, text: string): ActionReply {
  if (status < 200 || status > 299) throw new Error(`submit: ${status} ${text.slice(0, 200)}`);
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    const value = JSON.parse(json) as ActionReply;
    if (typeof value.ok === "boolean") return value;
  }
  throw new Error(`submit: no action result in ${text.slice(0, 200)}`);
}

/** Calls the submit action as the page's client does (submitRequest), with fetch. */
export async function submitBid(
  vendor: Vendor,
  actionId: string,
  input: { price: string; files: StagedFile[]; idempotencyKey: string },
  headers: Record<string, string> = {},
): Promise<ActionReply> {
  const sent = submitRequest(vendor, actionId, input, headers);
  const reply = await fetch(sent.url, { method: "POST", headers: sent.headers, body: sent.body });
  return readActionReply(reply.status, await reply.text());
}

/** The signed receipt as the vendor downloads it (JSON text). */
export async function fetchReceipt(vendor: Vendor, bidId: string): Promise<string> {
  const reply = await fetch(`${vendor.baseUrl}/api/bids/${bidId}/receipt`, { headers: { cookie: vendor.cookie } });
  const text = await reply.text();
  if (!reply.ok) throw new Error(`receipt: ${reply.status}`);
  return text;
}
