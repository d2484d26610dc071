import { describe, expect, it } from "vitest";
import { resetDatabase } from "../setup/reset-database";

describe("resetDatabase", () => {
  it("refuses a database whose name does not end in _test, before connecting", async () => {
    // port 1 is closed: reaching it would fail differently, so the guard must come first
    await expect(resetDatabase("postgresql://u:p@127.0.0.1:1/segel")).rejects.toThrow(/Refusing to truncate "segel"/);
    await expect(resetDatabase("postgresql://u:p@127.0.0.1:1/segel_test_copy")).rejects.toThrow(/Refusing/);
  });
});
