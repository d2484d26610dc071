import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { atRestKeyPath } from "@/server/key-paths";
import { unwrapAtRest, wrapAtRest } from "./at-rest-key";

const useFile = () =>
  (process.env.SEGEL_AT_REST_KEY_FILE = path.join(os.tmpdir(), `segel-at-rest-${randomUUID()}`, "at-rest.key"));

describe("at-rest key", () => {
  it("is created once, 0600, outside the database; concurrent first uses share it", async () => {
    useFile();
    const secret = Buffer.from("kunci tender yang sudah dibuka");
    const [a, b] = await Promise.all([wrapAtRest(secret, "ctx"), wrapAtRest(secret, "ctx")]);
    expect(statSync(atRestKeyPath()).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(atRestKeyPath(), "utf8").trim(), "base64")).toHaveLength(32);
    expect(await unwrapAtRest(a, "ctx")).toEqual(secret);
    expect(await unwrapAtRest(b, "ctx")).toEqual(secret);
  });

  it("refuses a file that does not hold a 32-byte key", async () => {
    const file = useFile();
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "dGVybGFsdSBwZW5kZWs=\n");
    await expect(wrapAtRest(Buffer.from("x"), "ctx")).rejects.toThrow(/32-byte/);
  });
});
