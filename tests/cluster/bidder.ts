// A vendor at the deadline, through the load balancer, with the bench's browser-like client
// (bench/lib/bidder-client.ts: tus uploads that resume from the server's offset, the submit
// server action, the receipt). Around it, what a patient vendor does when the portal
// does not answer: the submit is sent again with the same idempotency key, a file whose
// upload gave up is uploaded again.
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { encode } from "next-auth/jwt";
import {
  fetchReceipt,
  readActionReply,
  submitBid,
  submitRequest,
  uploadFile,
  type ActionReply,
  type StagedFile,
  type Vendor,
} from "../../bench/lib/bidder-client";

export interface BidOutcome {
  vendorId: string;
  idempotencyKey: string;
  fileIds: string[];
  /** set when the submit answered ok */
  bidId?: string;
  /** set when the portal acknowledged: the signed receipt came back */
  signedReceipt?: { receipt: Record<string, unknown>; signature: string; algorithm: string };
  attempts: number;
  errors: string[];
}

const message = (error: unknown) =>
  error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error);

async function patiently<T>(what: string, outcome: BidOutcome, attempt: () => Promise<T>, tries = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      outcome.errors.push(`${what}: ${message(error)}`);
      if (i === tries) throw error;
      await delay(250 * i);
    }
  }
}

export async function bidAtTheDeadline(options: {
  vendor: Vendor;
  vendorId: string;
  actionId: string;
  tus: Parameters<typeof uploadFile>[4];
  files: { part: string; content: Buffer }[];
}): Promise<BidOutcome> {
  const { vendor } = options;
  const outcome: BidOutcome = {
    vendorId: options.vendorId,
    idempotencyKey: randomUUID(),
    fileIds: [],
    attempts: 0,
    errors: [],
  };
  try {
    const staged: StagedFile[] = [];
    for (const file of options.files) {
      staged.push(
        await patiently(
          `upload ${file.part}`,
          outcome,
          () => uploadFile(vendor, file.part, `${file.part.toLowerCase()}.pdf`, file.content, options.tus),
          3,
        ),
      );
    }
    outcome.fileIds = staged.map((f) => f.id);
    const reply = await patiently("submit", outcome, async () => {
      outcome.attempts++;
      const answer = await submitBid(vendor, options.actionId, {
        price: "1.234.567.000",
        files: staged,
        idempotencyKey: outcome.idempotencyKey,
      });
      if (!answer.ok && answer.code !== "VALIDATION" && answer.code !== "INVALID_STATE")
        throw new Error(`${answer.code}: ${answer.message}`);
      return answer;
    });
    if (!reply.ok || !reply.data) {
      outcome.errors.push(`submit refused: ${reply.code}: ${reply.message}`);
      return outcome;
    }
    outcome.bidId = reply.data.bidId;
    outcome.signedReceipt = JSON.parse(
      await patiently("receipt", outcome, () => fetchReceipt(vendor, reply.data!.bidId)),
    );
  } catch {
    // the errors say what happened; the outcome is unacknowledged
  }
  return outcome;
}

/** The Cookie header of the user signed in: a session row and next-auth's JWT naming it. */
export async function sessionCookie(userId: string, secret: string): Promise<string> {
  const { db } = await import("@/server/db");
  const session = await db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3_600_000) } });
  return `next-auth.session-token=${await encode({ token: { sub: userId, sid: session.id }, secret })}`;
}

/**
 * The submit, sent so that the caller sees when the web process had it: with
 * `Expect: 100-continue`, Node's HTTP server answers "100 Continue" in the same step in
 * which it hands serve.ts the request, and serve.ts marks the arrival there (decision
 * 0020); only then does the body go. `arrived` settles at that answer (and fails if the
 * portal answers without it), `reply` with the action's result.
 */
export function submitSeenArriving(
  vendor: Vendor,
  actionId: string,
  input: Parameters<typeof submitRequest>[2],
  headers: Record<string, string> = {},
) {
  const sent = submitRequest(vendor, actionId, input, headers);
  let arrive!: () => void;
  let notArrived!: (error: Error) => void;
  const arrived = new Promise<void>((resolve, reject) => ((arrive = resolve), (notArrived = reject)));
  const reply = new Promise<ActionReply>((resolve, reject) => {
    const req = request(
      sent.url,
      {
        method: "POST",
        headers: { ...sent.headers, expect: "100-continue", "content-length": String(Buffer.byteLength(sent.body)) },
      },
      (res) => {
        notArrived(new Error(`submit: answered ${res.statusCode} without 100 Continue`));
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          if (!req.writableEnded) req.destroy();
          try {
            resolve(readActionReply(res.statusCode ?? 0, text));
          } catch (error) {
            reject(error);
          }
        });
        res.on("error", reject);
      },
    );
    req.on("continue", () => {
      arrive();
      req.end(sent.body);
    });
    req.on("error", (error) => (notArrived(error), reject(error)));
  });
  // a failed submit is the reply's to report; the arrival's failure only if awaited
  arrived.catch(() => {});
  return { arrived, reply };
}
