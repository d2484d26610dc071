import "server-only";
import { randomInt } from "node:crypto";
import type { Actor } from "@/modules/auth/domain";
import { recordAuditEvent } from "@/modules/audit";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { provesSealed, sealKey } from "../../domain/envelope";
import { combineShares, openingThreshold, shareIndexOf, splitSecret } from "../../domain/shamir";
import { decodePublicKey, encodeKey, generateX25519, publicKeyOf, toBytes } from "../../domain/x25519";

/** k shares picked at random, so the proof does not always use the same members. */
function pickRandom<T>(items: T[], k: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}

/**
 * Makes the tender's opening key at publication (and on a two-file procedure its price
 * key too): the private key split k-of-n (a majority) among the Pokja members, each share
 * sealed to that member's personal key (splitKeyAmong). Call inside the publishing
 * transaction.
 */
export async function createOpeningKey(tx: Tx, tenderId: string, actor: Actor | null = null) {
  const tender = await tx.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      procedure: { select: { twoFiles: true } },
      pokja: {
        select: { members: { select: { userId: true, user: { select: { name: true } } }, orderBy: { userId: "asc" } } },
      },
    },
  });
  if (!tender) throw new AppError("NOT_FOUND");
  if (await tx.tenderOpeningKey.findUnique({ where: { tenderId }, select: { tenderId: true } }))
    throw new AppError("INVALID_STATE", "openingKeyExists");
  const members = tender.pokja?.members ?? [];
  if (members.length < 2) throw new AppError("VALIDATION", "openingKeyPokjaTooSmall", { count: members.length });

  const personal = await tx.userOpeningKey.findMany({
    where: { userId: { in: members.map((m) => m.userId) } },
    select: { userId: true, publicKey: true },
  });
  const keyOf = new Map(personal.map((p) => [p.userId, p.publicKey]));
  const missing = members.filter((m) => !keyOf.has(m.userId)).map((m) => m.user.name);
  if (missing.length) throw new AppError("VALIDATION", "openingKeyMissing", { names: missing.join(", ") });

  const threshold = openingThreshold(members.length);
  const recipients = members.map((m) => ({ userId: m.userId, publicKey: keyOf.get(m.userId)! }));
  const opening = await splitKeyAmong(recipients, threshold);
  // Two envelopes (procedure flag twoFiles): the price gets a key of its own, same k of n,
  // so the first opening cannot reach a price (docs/decisions/0042).
  const price = tender.procedure.twoFiles ? await splitKeyAmong(recipients, threshold) : null;
  const now = await dbNow(tx);
  await tx.tenderOpeningKey.create({ data: { tenderId, publicKey: opening.publicKey, threshold, createdAt: now } });
  await tx.tenderKeyShare.createMany({ data: opening.sealed.map((s) => ({ tenderId, ...s })) });
  if (price) {
    await tx.tenderPriceKey.create({ data: { tenderId, publicKey: price.publicKey, threshold, createdAt: now } });
    await tx.tenderPriceKeyShare.createMany({ data: price.sealed.map((s) => ({ tenderId, ...s })) });
  }
  await tx.tender.update({
    where: { id: tenderId },
    data: { openingPublicKey: opening.publicKey, pricePublicKey: price?.publicKey ?? null },
  });
  await recordAuditEvent(tx, {
    actor,
    action: "tender.openingKeyCreated",
    entityType: "Tender",
    entityId: tenderId,
    data: {
      code: tender.code,
      publicKey: opening.publicKey,
      threshold,
      shareholders: opening.sealed.map((s) => ({ userId: s.userId, shareIndex: s.shareIndex })),
      ...(price && { pricePublicKey: price.publicKey }),
    },
  });
  return {
    publicKey: opening.publicKey,
    pricePublicKey: price?.publicKey ?? null,
    threshold,
    shareholders: members.length,
  };
}

/**
 * A fresh X25519 pair generated here, in memory, its private key split k-of-n and each
 * share sealed to a member's personal key. Before anything is returned it is proven that
 * every sealed share opens to its share and that k random shares give back the private
 * key of the public key. The private key itself is never returned nor written.
 */
async function splitKeyAmong(recipients: { userId: string; publicKey: string }[], threshold: number) {
  const pair = generateX25519();
  try {
    const shares = await splitSecret(pair.privateKey, recipients.length, threshold);
    const sealed = recipients.map((member, i) => {
      const recipient = decodePublicKey(member.publicKey);
      const { envelope, ephemeralPrivateKey } = sealKey(recipient, shares[i]!);
      if (!provesSealed(ephemeralPrivateKey, recipient, envelope, shares[i]!))
        throw new Error("sealed share does not open");
      ephemeralPrivateKey.fill(0);
      return { userId: member.userId, shareIndex: shareIndexOf(shares[i]!), sealedShare: toBytes(envelope) };
    });
    const recombined = await combineShares(pickRandom(shares, threshold));
    if (!recombined.equals(pair.privateKey) || !publicKeyOf(recombined).equals(pair.publicKey))
      throw new Error("opening key shares do not recombine");
    recombined.fill(0);
    shares.forEach((s) => s.fill(0));
    return { publicKey: encodeKey(pair.publicKey), sealed };
  } finally {
    pair.privateKey.fill(0);
  }
}
