// Checks an audit log inclusion proof (the JSON from /api/audit-log/inclusion/<seq>, or
// the download on a bid receipt) offline:
//   npx tsx src/cli/verify-audit-proof.ts bukti-inklusi.json [public-key.pem]
// It checks the tree head's Ed25519 signature with the instance public key (the PEM from
// GET /api/instance-key; without one, see instance-public-key.ts) and the
// RFC 9162 inclusion proof of the leaf under that head. Prints VALID or INVALID; exits
// 0 or 1 (2 for bad usage). Compare the head with copies you keep from /transparansi.
import { createPublicKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import { instancePublicKeyPem } from "./instance-public-key";
import { verifyInclusion } from "../modules/audit/domain/merkle";
import { isTreeHeadSigned, parseTreeHead } from "../modules/audit/domain/tree-head";

const HEX32 = /^[0-9a-f]{64}$/;

async function main(): Promise<number> {
  const [proofFile, pemFile] = process.argv.slice(2);
  if (!proofFile) {
    console.error("usage: npx tsx src/cli/verify-audit-proof.ts <inclusion-proof.json> [public-key.pem]");
    return 2;
  }
  let pem: string;
  try {
    pem = await instancePublicKeyPem(pemFile);
  } catch (error) {
    console.error(`cannot read the public key: ${(error as Error).message}`);
    return 2;
  }
  let input: { logIndex?: unknown; leafHash?: unknown; proof?: unknown; treeHead?: unknown; seq?: unknown };
  try {
    input = JSON.parse(await readFile(proofFile, "utf8"));
  } catch {
    console.log("INVALID (malformed)");
    return 1;
  }
  const head = parseTreeHead(input.treeHead);
  const proof =
    Array.isArray(input.proof) && input.proof.every((h) => typeof h === "string" && HEX32.test(h))
      ? (input.proof as string[])
      : null;
  if (
    !head ||
    !proof ||
    typeof input.leafHash !== "string" ||
    !HEX32.test(input.leafHash) ||
    typeof input.logIndex !== "string" ||
    !/^\d+$/.test(input.logIndex)
  ) {
    console.log("INVALID (malformed)");
    return 1;
  }
  if (!isTreeHeadSigned(head, createPublicKey(pem))) {
    console.log("INVALID (the tree head is not signed by this instance key)");
    return 1;
  }
  const included = verifyInclusion(
    Buffer.from(input.leafHash, "hex"),
    BigInt(input.logIndex),
    head.treeSize,
    proof.map((h) => Buffer.from(h, "hex")),
    Buffer.from(head.rootHash, "hex"),
  );
  if (!included) {
    console.log("INVALID (the proof does not lead to the signed root)");
    return 1;
  }
  console.log("VALID");
  console.log(
    `event #${String(input.seq)} is leaf ${input.logIndex} of the audit log of ${head.treeSize} events, root ${head.rootHash}, signed ${head.timestamp}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(2);
  },
);
