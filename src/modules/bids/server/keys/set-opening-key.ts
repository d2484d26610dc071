import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  createPersonalKey,
  encryptPersonalKey,
  MIN_PASSPHRASE_LENGTH,
  unlockPersonalKey,
} from "../../domain/personal-key";

/**
 * Sets a Pokja member's opening passphrase, or changes it. A change re-encrypts the SAME
 * key pair, so the shares already sealed to it for running tenders stay usable. The
 * passphrase is used here and forgotten: it is in no row, log or audit event.
 */
export async function setOpeningKey(
  actor: Actor,
  input: { passphrase: string; confirmation: string; oldPassphrase?: string },
) {
  if (!can(actor, "openingKey.manage")) throw new AppError("FORBIDDEN");
  if (input.passphrase.length < MIN_PASSPHRASE_LENGTH || input.passphrase !== input.confirmation)
    throw new AppError("VALIDATION");
  const existing = await db.userOpeningKey.findUnique({ where: { userId: actor.userId } });

  if (!existing) {
    const created = await createPersonalKey(input.passphrase);
    try {
      await db.$transaction(async (tx) => {
        await tx.userOpeningKey.create({ data: { userId: actor.userId, ...created } });
        await recordAuditEvent(tx, {
          actor,
          action: "openingKey.created",
          entityType: "UserOpeningKey",
          entityId: actor.userId,
          data: { publicKey: created.publicKey },
        });
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
        throw new AppError("CONFLICT");
      throw error;
    }
    return { publicKey: created.publicKey, changed: false };
  }

  if (!input.oldPassphrase)
    throw new AppError("VALIDATION", "openingPassphraseRequired", {}, { oldPassphrase: ["openingPassphraseRequired"] });
  const privateKey = await unlockPersonalKey(existing, input.oldPassphrase);
  if (!privateKey)
    throw new AppError("VALIDATION", "openingPassphraseWrong", {}, { oldPassphrase: ["openingPassphraseWrong"] });
  const reencrypted = await encryptPersonalKey(privateKey, input.passphrase);
  privateKey.fill(0);
  await db.$transaction(async (tx) => {
    // Only if nobody changed it meanwhile (the salt changes on every change).
    const updated = await tx.userOpeningKey.updateMany({
      where: { userId: actor.userId, salt: existing.salt },
      data: reencrypted,
    });
    if (updated.count !== 1) throw new AppError("CONFLICT");
    await recordAuditEvent(tx, {
      actor,
      action: "openingKey.passphraseChanged",
      entityType: "UserOpeningKey",
      entityId: actor.userId,
      data: { publicKey: reencrypted.publicKey },
    });
  });
  return { publicKey: reencrypted.publicKey, changed: true };
}

/** Whether the member has set a key; never the key material. */
export async function getOpeningKeyStatus(actor: Actor) {
  return db.userOpeningKey.findUnique({
    where: { userId: actor.userId },
    select: { createdAt: true, publicKey: true },
  });
}
