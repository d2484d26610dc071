import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import type { Tx } from "@/server/db";
import { getInstanceSubkey } from "@/server/instance-subkey";
import { formatRecoveryCode, RECOVERY_CODE_LENGTH, recoveryCodeFromBytes, TOTP_POLICY } from "../domain/totp-policy";

const KEY_INFO = "segel recovery code v1";

/**
 * HMAC-SHA256 under an instance subkey, bound to the user. 60 random bits need no slow hash;
 * the key (outside the database) means a dump gives not even something to guess against.
 */
async function hashRecoveryCode(userId: string, normalised: string): Promise<Uint8Array<ArrayBuffer>> {
  const mac = createHmac("sha256", await getInstanceSubkey(KEY_INFO));
  mac.update(`${userId.toLowerCase()}:${normalised}`);
  return new Uint8Array(mac.digest());
}

/**
 * A new set of recovery codes replaces the old one, in the caller's transaction. The codes
 * are returned once, formatted, to be shown once; only their hashes are stored.
 */
export async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: TOTP_POLICY.recoveryCodeCount }, () =>
    recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_LENGTH)),
  );
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: await Promise.all(
      codes.map(async (code) => ({ userId, codeHash: await hashRecoveryCode(userId, code), createdAt: now })),
    ),
    // a repeat among 2^60 is all but impossible; skipping it is safe (one code fewer)
    skipDuplicates: true,
  });
  return codes.map(formatRecoveryCode);
}

/** Marks the code used if it is one of the user's unused codes; false otherwise. One use only, even in a race. */
export async function spendRecoveryCode(tx: Tx, userId: string, normalised: string, now: Date): Promise<boolean> {
  const used = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: await hashRecoveryCode(userId, normalised), usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1;
}
