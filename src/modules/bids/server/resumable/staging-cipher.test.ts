import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { toBase64Url } from "../../upload-protocol";
import { matchesKeyCheck, parseStagingKey, stagingCipherAt, stagingKeyCheck } from "./staging-cipher";

const run = (key: Buffer, offset: number, data: Buffer) =>
  buffer(Readable.from([data]).pipe(stagingCipherAt(key, offset)));

describe("staging cipher", () => {
  it("encrypts chunks at any offset so that they join into one stream that decrypts from 0", async () => {
    const key = randomBytes(32);
    const plain = randomBytes(100_003);
    // cut points off the 16-byte block boundary, as a dropped connection leaves them
    const cuts = [0, 7, 16, 4_099, 65_537, 100_003];
    const pieces = await Promise.all(cuts.slice(1).map((end, i) => run(key, cuts[i]!, plain.subarray(cuts[i], end))));
    const staged = Buffer.concat(pieces);
    expect(staged.equals(plain)).toBe(false);
    expect(staged.equals(await run(key, 0, plain))).toBe(true);
    expect((await run(key, 0, staged)).equals(plain)).toBe(true);
  });

  it("accepts only 32-byte base64url keys and recognises its key by the check value", () => {
    const key = randomBytes(32);
    const parsed = parseStagingKey(toBase64Url(key));
    expect(parsed.equals(key)).toBe(true);
    expect(matchesKeyCheck(key, stagingKeyCheck(key))).toBe(true);
    expect(matchesKeyCheck(randomBytes(32), stagingKeyCheck(key))).toBe(false);
    expect(matchesKeyCheck(key, "00")).toBe(false);
    for (const bad of [
      null,
      "",
      toBase64Url(randomBytes(31)),
      toBase64Url(randomBytes(33)),
      `${toBase64Url(key).slice(0, 42)}=`,
    ]) {
      expect(() => parseStagingKey(bad)).toThrow(
        expect.objectContaining({ code: "VALIDATION", messageKey: "uploadStagingKey" }),
      );
    }
  });
});
