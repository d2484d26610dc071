// Verifies a Segel bid receipt:
//   npx tsx src/cli/verify-receipt.ts tanda-terima.json [public-key.pem]
// With the PEM (from GET /api/instance-key, field publicKeyPem) it runs fully offline.
// Without it, the key comes from SEGEL_URL's /api/instance-key, or, on the LPSE server
// itself, from the instance key file (SEGEL_INSTANCE_KEY_FILE, default
// .data/instance-ed25519.pem). Prints VALID or INVALID; exits 0 or 1 (2 for bad usage).
// After the opening, files can be checked against the receipt's commitments with the
// salts published in the opening result (version 2 receipts):
//   npx tsx src/cli/verify-receipt.ts tanda-terima.json public-key.pem --file harga.pdf <salt-hex>
import { readFile } from "node:fs/promises";
import { instancePublicKeyPem } from "./instance-public-key";
import { fileCommitmentOf } from "../modules/bids/domain/file-seal";
import { receiptFileLines, verifyReceipt } from "../modules/bids/domain/verify-receipt";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--file");
  const [receiptFile, pemFile] = at < 0 ? args : args.slice(0, at);
  const fileChecks = at < 0 ? [] : args.slice(at + 1);
  if (!receiptFile) {
    console.error("usage: npx tsx src/cli/verify-receipt.ts <receipt.json> [public-key.pem]");
    return 2;
  }
  let pem: string;
  try {
    pem = await instancePublicKeyPem(pemFile);
  } catch (error) {
    console.error(`cannot read the public key: ${(error as Error).message}`);
    return 2;
  }
  const result = verifyReceipt(await readFile(receiptFile, "utf8"), pem);
  if (result.valid) {
    const r = result.receipt;
    console.log("VALID");
    console.log(
      `bid ${r.bidId}, tender ${r.tenderCode}, NPWP ${r.vendorNpwp}, received ${r.receivedAt ?? r.submittedAt}, recorded ${r.submittedAt}`,
    );
    for (const f of r.files)
      console.log(
        "commitment" in f
          ? `  ${f.part} commitment ${f.commitment}`
          : `  ${f.part} ${f.fileName} ${f.sizeBytes} B sha256 ${f.sha256}`,
      );
    let allMatch = true;
    for (let i = 0; i + 1 < fileChecks.length; i += 2) {
      const commitment = fileCommitmentOf(Buffer.from(fileChecks[i + 1]!, "hex"), await readFile(fileChecks[i]!));
      const line = receiptFileLines(r).find((l) => l.commitment === commitment);
      console.log(line ? `FILE MATCHES ${fileChecks[i]} = ${line.part}` : `FILE DOES NOT MATCH ${fileChecks[i]}`);
      allMatch &&= line !== undefined;
    }
    return allMatch ? 0 : 1;
  }
  console.log(`INVALID (${result.reason})`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(2);
  },
);
