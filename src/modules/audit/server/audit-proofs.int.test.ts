import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GET as consistencyRoute } from "@/app/api/audit-log/consistency/route";
import { GET as headsRoute } from "@/app/api/audit-log/heads/route";
import { GET as inclusionRoute } from "@/app/api/audit-log/inclusion/[seq]/route";
import { getInstanceKey } from "@/server/instance-key";
import { db } from "@/server/db";
import { parseLogNumber } from "../audit.schemas";
import { findBidInclusionProof, findConsistencyProof, findInclusionProof } from "./find-audit-proofs";
import { recordAuditEvent } from "./record-audit-event";
import { sequenceAuditLog } from "./sequence-audit-log";
import { writeTreeHead } from "./write-tree-head";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../../..");

async function submitBidEvent(bidId: string) {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: null,
      action: "bid.submitted",
      entityType: "Bid",
      entityId: bidId,
      data: { tenderCode: "T-1", priceCommitment: "c0ffee" },
    }),
  );
}

async function verifyOffline(proof: unknown): Promise<{ code: number; out: string }> {
  const dir = process.env.SEGEL_FILE_STORE!;
  await writeFile(path.join(dir, "proof.json"), JSON.stringify(proof));
  await writeFile(path.join(dir, "key.pem"), (await getInstanceKey()).publicKeyPem);
  try {
    const { stdout } = await run(
      path.join(root, "node_modules/.bin/tsx"),
      ["src/cli/verify-audit-proof.ts", path.join(dir, "proof.json"), path.join(dir, "key.pem")],
      { cwd: root },
    );
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe("a vendor's proof that its bid is in the audit log", () => {
  it("waits for sequencing, then proves the bid.submitted event under a signed head, checkable offline", async () => {
    const bidId = crypto.randomUUID();
    await submitBidEvent(crypto.randomUUID());
    await submitBidEvent(bidId);
    expect(await findBidInclusionProof(bidId)).toEqual({ seq: "2", proof: null });

    await sequenceAuditLog();
    await writeTreeHead({ force: true });
    await submitBidEvent(crypto.randomUUID());
    const found = (await findBidInclusionProof(bidId))!;
    expect(found.proof).toMatchObject({ seq: "2", logIndex: "1", treeHead: { treeSize: "2" } });
    // hashes only: nothing of the event's data travels with the proof
    expect(JSON.stringify(found.proof)).not.toContain("c0ffee");

    const valid = await verifyOffline(found.proof);
    expect(valid).toMatchObject({ code: 0 });
    expect(valid.out).toContain("VALID");
    const forgedLeaf = await verifyOffline({ ...found.proof, leafHash: "0".repeat(64) });
    expect(forgedLeaf).toMatchObject({ code: 1 });
    expect(forgedLeaf.out).toContain("INVALID");
    const forgedHead = await verifyOffline({ ...found.proof, treeHead: { ...found.proof!.treeHead, treeSize: "3" } });
    expect(forgedHead.out).toContain("not signed by this instance key");
  }, 60_000);
});

describe("the public JSON routes", () => {
  it("serve the heads and proofs, and refuse numbers that are not a range of the log", async () => {
    await submitBidEvent(crypto.randomUUID());
    await submitBidEvent(crypto.randomUUID());
    await sequenceAuditLog();
    await writeTreeHead({ force: true });

    const heads = await (await headsRoute()).json();
    expect(heads.latest).toMatchObject({ treeSize: "2" });

    const ok = await consistencyRoute(new Request("http://segel.test/api/audit-log/consistency?first=1&second=2"));
    expect(ok.status).toBe(200);
    expect((await ok.json()).proof).toHaveLength(1);
    // bad numbers never reach the database; the route wrapper turns these into 400 / 404 (tests/e2e/transparency.spec.ts)
    for (const value of ["-1", "abc", "99999999999999999999", "", null])
      expect(parseLogNumber(value), String(value)).toBeNull();
    for (const [first, second] of [
      [2n, 1n],
      [1n, 3n],
    ] as const) {
      await expect(findConsistencyProof(first, second)).rejects.toMatchObject({
        code: "VALIDATION",
        messageKey: "auditProofRange",
      });
    }
    expect(await findInclusionProof(3n)).toBeNull();

    const proof = await inclusionRoute(new Request("http://segel.test"), { params: Promise.resolve({ seq: "1" }) });
    expect(proof.status).toBe(200);
    expect(proof.headers.get("content-disposition")).toContain("bukti-inklusi-1.json");
  });
});
