import "server-only";
import { randomBytes } from "node:crypto";
import { loadKey } from "@/server/key-file";
import { AT_REST_KEY_BYTES, unwrapWithKey, wrapWithKey } from "../../domain/at-rest-cipher";

/**
 * The instance's at-rest key: 32 random bytes (base64) in a file OUTSIDE the database
 * (SEGEL_AT_REST_KEY_FILE, default .data/at-rest.key, mode 0600, made on first use; in
 * cluster mode the one file every instance shares, never made: docs/decisions/0017).
 * It is used only after the bid deadline, once members have approved with their own
 * passphrases, so a database dump alone still opens nothing. It is weaker than the
 * sealing on purpose: whoever holds the server and the database together can unwrap an
 * opened tender's key, which the Pokja needs to read bids during evaluation anyway.
 * Back the file up with the instance key: losing it loses access to opened bid files.
 */
function parse(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== AT_REST_KEY_BYTES) throw new Error(`${file} does not hold a 32-byte at-rest key`);
  return key;
}

const atRestKey = () =>
  loadKey({
    setting: "SEGEL_AT_REST_KEY_FILE",
    make: () => `${randomBytes(AT_REST_KEY_BYTES).toString("base64")}\n`,
    parse,
  });

export async function wrapAtRest(plain: Uint8Array, context: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(wrapWithKey(await atRestKey(), plain, context));
}

export async function unwrapAtRest(wrapped: Uint8Array, context: string): Promise<Buffer> {
  return unwrapWithKey(await atRestKey(), wrapped, context);
}
