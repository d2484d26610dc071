import { createDecipheriv, createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  bidPdf,
  makeBidder,
  makeSealedBidTender,
  stageBidFile,
  TEST_PASSWORD,
  setUpTestInstanceKey,
} from "@/tests/factories";
import { combineShares } from "../domain/shamir";
import { openKey } from "../domain/envelope";
import { unlockPersonalKey } from "../domain/personal-key";
import { decodePublicKey, publicKeyOf } from "../domain/x25519";
import { getInstanceKey } from "@/server/instance-key";
import { getInstanceSubkey } from "@/server/instance-subkey";
import { approveOpening } from "./opening/approve-opening";
import { readOpenedBidFile } from "./opening/read-opened-bid-file";
import { passDeadline } from "../testing/opening.fixture";
import { db } from "@/server/db";
import { formatRupiah } from "@/lib/money";
import { fileCommitmentOf, PAD_BLOCK_BYTES, paddedSize } from "../domain/file-seal";
import { receiptFileLines } from "../domain/verify-receipt";
import { submitBid } from "./submit-bid";

setUpTestInstanceKey();
const PRICE = 7_391_846_205n;
const PRICE_FORMS = ["7391846205", "7.391.846.205", Buffer.from("7391846205").toString("hex")];
const MARKER = `PENAWARAN-RAHASIA-${randomUUID()}`;

/** What a database administrator's full dump holds: every row of every table, as text. */
async function dumpDatabase(): Promise<string> {
  const tables = await db.$queryRaw<
    { name: string }[]
  >`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

/** Every bytea value in the dump ("\\x…" in row_to_json), as bytes. */
const byteaValues = (dump: string) => [...dump.matchAll(/\\\\x([0-9a-f]+)/g)].map((m) => Buffer.from(m[1]!, "hex"));

/** Every 32-byte window of every value: any of them might be a key. */
function keyCandidates(values: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  for (const v of values) for (let i = 0; i + 32 <= v.length; i++) out.push(v.subarray(i, i + 32));
  return out;
}

function storeBytes(): Buffer[] {
  const root = process.env.SEGEL_FILE_STORE!;
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(path.join(e.parentPath, e.name)));
}

const attempt = (fn: () => Buffer) => {
  try {
    return fn();
  } catch {
    return null;
  }
};

describe("reading a bid before the opening", () => {
  it("fails with everything the application holds; the opening refuses before the deadline, one member alone or a wrong passphrase, and opens with k", async () => {
    const { tender, members } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const content = bidPdf(MARKER);
    const staged = await stageBidFile(actor, tender.id, content, "HARGA");
    const { signedReceipt } = await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: PRICE,
      files: [{ id: staged.id }],
      idempotencyKey: randomUUID(),
    });

    // 1. A full dump and the whole file store show neither the price nor the file's content.
    const dump = await dumpDatabase();
    for (const form of PRICE_FORMS) expect(dump).not.toContain(form);
    expect(dump).not.toContain(MARKER);
    expect(dump).not.toContain(Buffer.from(MARKER).toString("hex"));
    for (const bytes of storeBytes()) {
      expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
      for (const form of PRICE_FORMS) expect(bytes.includes(Buffer.from(form))).toBe(false);
    }

    // 2. Every key the application holds, and every 32 bytes of every stored value, fail to open anything.
    const bid = await db.bid.findFirstOrThrow({ include: { files: true } });
    const shares = await db.tenderKeyShare.findMany();
    const personal = await db.userOpeningKey.findMany();
    const instance = await getInstanceKey();
    const secrets = [
      process.env.NEXTAUTH_SECRET!,
      TEST_PASSWORD,
      readFileSync(process.env.SEGEL_INSTANCE_KEY_FILE!, "utf8"),
    ];
    const candidates = [
      // Of each stored file, the part that holds the content: the rest is encrypted zero padding.
      ...keyCandidates([...byteaValues(dump), ...storeBytes().map((bytes) => bytes.subarray(0, 2_048))]),
      ...secrets.map((s) => createHash("sha256").update(s).digest()),
      Buffer.from(instance.privateKey.export({ format: "jwk" }).d!, "base64url"),
      // the keys derived from it: the staged files' proof MACs and the audit MACs
      await getInstanceSubkey("segel.bid.file-proof.v1"),
      await getInstanceSubkey("segel.audit.event-mac.v1"),
    ];
    expect(byteaValues(dump).length).toBeGreaterThanOrEqual(2 + 3 * 5); // price, file envelopes, shares, personal keys
    expect(candidates.length).toBeGreaterThan(500);
    const file = bid.files[0]!;
    const ciphertext = storeBytes().find((b) => b.length === PAD_BLOCK_BYTES)!;
    const envelopes = [bid.sealedPrice, ...bid.files.map((f) => f.wrappedKey), ...shares.map((s) => s.sealedShare)];
    for (const key of candidates) {
      for (const envelope of envelopes) expect(attempt(() => openKey(key, envelope))).toBeNull();
      // the key as the file key itself
      expect(
        attempt(() => {
          const d = createDecipheriv("aes-256-gcm", key, file.iv);
          d.setAuthTag(Buffer.from(file.authTag));
          return Buffer.concat([d.update(ciphertext), d.final()]);
        }),
      ).toBeNull();
    }
    // Personal keys do not unlock with the server's secrets or the login password.
    for (const row of personal) for (const s of secrets) expect(await unlockPersonalKey(row, s)).toBeNull();
    // The sealed shares, taken as they are, recombine to nothing useful.
    const tenderPublic = decodePublicKey(
      (await db.tenderOpeningKey.findUniqueOrThrow({ where: { tenderId: tender.id } })).publicKey,
    );
    const raw = await combineShares(shares.map((s) => Buffer.from(s.sealedShare))).catch(() => null);
    expect(raw === null || raw.length !== 32 || !publicKeyOf(raw).equals(tenderPublic)).toBe(true);

    // 3. The Pokja cannot open early, even all together; later one member alone (asking twice) or
    // with a wrong passphrase opens nothing. Each is the real use case a member's approval runs.
    const approve = (m: (typeof members)[number], passphrase = m.passphrase) =>
      approveOpening(m.actor, { tenderId: tender.id, passphrase });
    for (const member of members)
      await expect(approve(member)).rejects.toMatchObject({ messageKey: "openingBeforeDeadlineAt" });
    expect(await db.openingApproval.count()).toBe(0);
    await passDeadline(tender.id);
    expect(await approve(members[0]!)).toEqual({ approvals: 1, threshold: 2, opened: false });
    expect(await approve(members[0]!)).toEqual({ approvals: 1, threshold: 2, opened: false });
    await expect(approve(members[1]!, "bukan kata sandi pembukaannya")).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "openingPassphraseWrong",
    });
    const sealed = await db.tender.findUniqueOrThrow({ where: { id: tender.id } });
    expect(sealed).toMatchObject({ openedAt: null, openedKeyWrapped: null });
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).openedPrice).toBeNull();
    await expect(readOpenedBidFile(members[0]!.actor, file.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    // 4. After the deadline, the k-th member's approval opens it, and it matches the receipt: the check above could have found it.
    expect(await approve(members[1]!)).toEqual({ approvals: 2, threshold: 2, opened: true });
    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).openedPrice).toBe(PRICE);
    const read = await readOpenedBidFile(members[2]!.actor, file.id);
    expect(read.content.includes(Buffer.from(MARKER))).toBe(true);
    expect(read.commitment).toBe(receiptFileLines(signedReceipt.receipt)[0]!.commitment);
  }, 240_000); // every 32-byte window of every stored value against every envelope: slow by design

  it("confirms no guess about a templated price letter from a full dump and the file store (2,000 candidates)", async () => {
    // The attack of issue 8: the price letter is a template with only the price varying, so
    // a reader of the database tries every plausible price and looks for a match.
    const letter = (price: bigint) =>
      bidPdf(
        `SURAT PENAWARAN HARGA. Dengan ini kami mengajukan penawaran sebesar ${formatRupiah(price)} untuk paket tersebut.`,
      );
    const candidates = Array.from({ length: 2_000 }, (_, i) => 1_000_000_000n + BigInt(i) * 2_500_000n);
    const truePrice = candidates[1_337]!;
    const { tender } = await makeSealedBidTender();
    const { actor } = await makeBidder(tender.id);
    const staged = await stageBidFile(actor, tender.id, letter(truePrice), "HARGA", `Surat Penawaran ${truePrice}.pdf`);
    await submitBid(actor, {
      integrityPact: true,
      tenderId: tender.id,
      price: truePrice,
      files: [{ id: staged.id }],
      idempotencyKey: randomUUID(),
    });

    const dump = await dumpDatabase();
    const store = storeBytes();
    const stored = Buffer.concat([Buffer.from(dump), ...store]).toString("latin1");
    // Every 64-hex-digit string the reader holds: commitments, and anything that might be a salt.
    const hexes = [...new Set([...dump.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]))];
    expect(hexes.length).toBeGreaterThan(5);

    /** The prices whose letter the stored data confirms: as plain SHA-256, or salted with any stored value. */
    const confirmed = (data: string, saltCandidates: string[]) => {
      const held = new Set([...data.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]));
      return candidates.filter((price) => {
        const content = letter(price);
        if (held.has(createHash("sha256").update(content).digest("hex"))) return true;
        return saltCandidates.some((salt) => held.has(fileCommitmentOf(Buffer.from(salt, "hex"), content)));
      });
    };

    expect(confirmed(stored, hexes)).toEqual([]);
    for (const clear of [String(truePrice), formatRupiah(truePrice), `Surat Penawaran`])
      expect(stored).not.toContain(clear);
    // The stored size cannot tell the candidates apart: every letter pads to the same length.
    const sizes = new Set(candidates.map((p) => paddedSize(letter(p).length)));
    expect([...sizes]).toEqual([PAD_BLOCK_BYTES]);
    expect((await db.bidFile.findFirstOrThrow()).sizeBytes).toBe(BigInt(PAD_BLOCK_BYTES));

    // The same guessing finds the price at once in what the plain SHA-256 of the letter
    // (BidFile.sha256 before) would have put in the dump: the search above can fail.
    const withPlainHash = `${dump}\n${createHash("sha256").update(letter(truePrice)).digest("hex")}`;
    expect(confirmed(withPlainHash, [])).toEqual([truePrice]);
  });
});
