import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { vendorRegistrationInput } from "@/tests/factories";
import { registerVendor } from "./register-vendor";

// Vendor registration sets a password like every other form: the one policy (decision 0033).
describe("registerVendor and the password policy", () => {
  it("refuses a common, a personal or an absurdly long password, and creates nothing", async () => {
    const before = { vendors: await db.vendor.count(), users: await db.user.count() };
    for (const password of ["passwordpassword", "x".repeat(10_000), "aaaaaaaaaaaaaaaaaaaa"]) {
      await expect(registerVendor(null, { ...vendorRegistrationInput(), password })).rejects.toMatchObject({
        code: "VALIDATION",
        fieldErrors: { password: [expect.stringMatching(/^password/)] },
      });
    }
    const input = vendorRegistrationInput();
    const local = input.userEmail.split("@")[0]!;
    await expect(registerVendor(null, { ...input, password: `${local} kata sandi saya` })).rejects.toMatchObject({
      messageKey: "passwordHasPersonalData",
    });
    expect({ vendors: await db.vendor.count(), users: await db.user.count() }).toEqual(before);
  });
});
