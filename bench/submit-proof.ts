// What submitting costs per bid in proving its files, before and after decision 0005's
// change (issue 9): before, submit re-derived each file's key from the browser's open
// proof, read the stored ciphertext back and decrypted it (GCM tag, padding, commitment);
// now it checks each row's proof MAC and hashes the stored ciphertext, with no decryption.
// Both run here, alternately, in the same minute, on the same sealed files in a throwaway
// local store; nothing else of the submit differs. In-process, no network, bounded.
//
//   tsx --conditions=react-server bench/submit-proof.ts [--files 3] [--mb 2] [--rounds 20]
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { AppError } from "@/server/errors";
import { fileProofMac, isFileProofValid, type ProvenFileFields } from "@/modules/bids/domain/file-proof";
import { decodeFileSecret, encodeFileSecret, FILE_SALT_BYTES, sameCommitment } from "@/modules/bids/domain/file-seal";
import { readSealedFile } from "@/modules/bids/server/read-sealed-file";
import { storeSealedStream } from "@/modules/bids/server/sealed-file-store";
import { storedCiphertextSha256 } from "@/modules/bids/server/staged-file-proof";
import { openAsSealer, sealKey } from "@/modules/bids/domain/envelope";
import { generateX25519 } from "@/modules/bids/domain/x25519";
import { percentile } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    files: { type: "string", default: "3" },
    mb: { type: "string", default: "2" },
    rounds: { type: "string", default: "20" },
  },
});
const fileCount = Math.min(Math.max(Number(opts.files), 1), 10);
const sizeBytes = Math.min(Math.max(Number(opts.mb), 0.1), 20) * 1_048_576;
const rounds = Math.min(Math.max(Number(opts.rounds), 3), 200);

const store = await mkdtemp(path.join(os.tmpdir(), "segel-bench-proof-"));
process.env.SEGEL_FILE_STORE = store;
const opening = generateX25519();
const macKey = randomBytes(32);

/** One staged file as the upload leaves it, plus what the old submit got from the browser. */
async function stage() {
  const fileKey = randomBytes(32);
  const salt = randomBytes(FILE_SALT_BYTES);
  const iv = randomBytes(12);
  const content = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(Math.floor(sizeBytes) - 9)]);
  const stored = await storeSealedStream(Readable.from([content]), {
    fileKey,
    iv,
    salt,
    maxBytes: 21 * 1_048_576,
    tooLarge: () => new AppError("VALIDATION"),
    detectType: async () => "application/pdf",
  });
  const { envelope, ephemeralPrivateKey } = sealKey(
    opening.publicKey,
    encodeFileSecret({ fileKey, salt, fileName: "harga.pdf", sizeBytes: stored.sizeBytes }),
  );
  const row: ProvenFileFields = {
    id: randomUUID(),
    tenderId: randomUUID(),
    vendorId: randomUUID(),
    part: "HARGA",
    mimeType: stored.mime,
    sizeBytes: BigInt(stored.storedBytes),
    commitment: stored.commitment,
    ciphertextSha256: stored.ciphertextSha256,
    storageKey: stored.storageKey,
    wrappedKey: envelope,
    iv,
    authTag: stored.authTag,
  };
  return { row, proofMac: fileProofMac(macKey, row), openProof: ephemeralPrivateKey };
}

type Staged = Awaited<ReturnType<typeof stage>>;

/** Before: the open proof re-opens the stored envelope; the ciphertext is read back and decrypted. */
async function proveAtSubmit(file: Staged): Promise<boolean> {
  const secret = decodeFileSecret(openAsSealer(file.openProof, opening.publicKey, file.row.wrappedKey));
  const read = await readSealedFile(file.row, secret);
  return read.ciphertextSha256 === file.row.ciphertextSha256 && sameCommitment(read.commitment, file.row.commitment);
}

/** After: the row's MAC, and the stored ciphertext's hash. */
async function checkAtSubmit(file: Staged): Promise<boolean> {
  return (
    isFileProofValid(macKey, file.row, file.proofMac) &&
    (await storedCiphertextSha256(file.row.storageKey)) === file.row.ciphertextSha256
  );
}

async function timeOne(files: Staged[], check: (f: Staged) => Promise<boolean>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const f of files) if (!(await check(f))) throw new Error("a check failed");
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

try {
  const files: Staged[] = [];
  for (let i = 0; i < fileCount; i++) files.push(await stage());
  const before: { ms: number; cpuMs: number }[] = [];
  const after: { ms: number; cpuMs: number }[] = [];
  // alternate, so the machine's noise falls on both alike
  for (let r = 0; r < rounds; r++) {
    before.push(await timeOne(files, proveAtSubmit));
    after.push(await timeOne(files, checkAtSubmit));
  }
  const summary = (xs: { ms: number; cpuMs: number }[]) => ({
    p50Ms: percentile(
      xs.map((x) => x.ms),
      50,
    )!,
    p95Ms: percentile(
      xs.map((x) => x.ms),
      95,
    )!,
    cpuMsP50: percentile(
      xs.map((x) => x.cpuMs),
      50,
    )!,
  });
  const b = summary(before);
  const a = summary(after);
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify(
      {
        files: fileCount,
        mbEach: sizeBytes / 1_048_576,
        rounds,
        before: b,
        after: a,
        ratioP50: round(b.p50Ms / a.p50Ms),
        ratioCpu: round(b.cpuMsP50 / a.cpuMsP50),
      },
      null,
      2,
    ),
  );
  console.log(
    `\n| per bid (${fileCount} × ${sizeBytes / 1_048_576} MB) | p50 ms | p95 ms | CPU ms (p50) |\n|---|---|---|---|`,
  );
  console.log(`| before: decrypt at submit | ${round(b.p50Ms)} | ${round(b.p95Ms)} | ${round(b.cpuMsP50)} |`);
  console.log(`| after: MAC + ciphertext hash | ${round(a.p50Ms)} | ${round(a.p95Ms)} | ${round(a.cpuMsP50)} |`);
  console.log(`| ratio (before / after) | ${round(b.p50Ms / a.p50Ms)} | | ${round(b.cpuMsP50 / a.cpuMsP50)} |`);
} finally {
  await rm(store, { recursive: true, force: true });
}
