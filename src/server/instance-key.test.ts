import { randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signReceipt } from "@/modules/bids/domain/receipt";
import { verifyReceipt, type ReceiptPayload } from "@/modules/bids/domain/verify-receipt";
import { instanceKeyPath } from "@/server/key-paths";
import { getInstanceKey } from "./instance-key";

describe("instance receipt key", () => {
  it("is created once with mode 0600 outside the database, and every loader gets the same key", async () => {
    process.env.SEGEL_INSTANCE_KEY_FILE = path.join(os.tmpdir(), `segel-key-${randomUUID()}`, "instance.pem");
    const [a, b] = await Promise.all([getInstanceKey(), getInstanceKey()]);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(statSync(instanceKeyPath()).mode & 0o777).toBe(0o600);
    expect(a.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Buffer.from(a.publicKeyRaw, "base64")).toHaveLength(32);
    const receipt = {
      bidId: "b",
      tenderCode: "T",
      vendorNpwp: "1",
      submittedAt: "2026-01-01T00:00:00.000Z",
      files: [],
      priceCommitment: "c",
      instanceKeyFingerprint: a.fingerprint,
    } satisfies ReceiptPayload;
    expect(verifyReceipt(signReceipt(receipt, a.privateKey), a.publicKeyPem).valid).toBe(true);
  });
});
