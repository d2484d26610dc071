import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { decodePublicKey } from "../domain/x25519";
import { envelopeOf, type SealedItem } from "../domain/price-envelope";
import { findBidDeadline, isWithin } from "@/modules/tenders/domain";
import { formatInZone } from "@/lib/time";
import { assertMayBid } from "@/modules/seleksi";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Who is bidding on what: a PENYEDIA user of a VERIFIED vendor registered for the tender.
 * Every bid use case starts here, before it reads a byte of an upload.
 */
export async function loadBidder(client: Db | Tx, actor: Actor, tenderId: string) {
  if (!can(actor, "bid.submit") || !actor.vendorId) throw new AppError("FORBIDDEN");
  const vendor = await client.vendor.findUnique({
    where: { id: actor.vendorId },
    select: { id: true, npwp: true, status: true },
  });
  if (!vendor || vendor.status !== "VERIFIED") throw new AppError("FORBIDDEN", "bidVendorNotVerified");
  const tender = await client.tender.findUnique({
    where: { id: tenderId },
    select: {
      id: true,
      code: true,
      status: true,
      openingKey: { select: { publicKey: true } },
      priceKey: { select: { publicKey: true } },
      paket: { select: { name: true, agency: { select: { name: true, timeZone: true } } } },
      stages: { where: { kind: "UPLOAD_PENAWARAN" }, select: { kind: true, startsAt: true, endsAt: true } },
      participants: { where: { vendorId: vendor.id }, select: { registeredAt: true } },
    },
  });
  // A tender that is not yet announced is as invisible to a vendor as one that does not exist.
  if (!tender || tender.status === "DRAFT") throw new AppError("NOT_FOUND");
  if (tender.participants.length === 0) throw new AppError("FORBIDDEN", "bidNotRegistered");
  // a seleksi: only the shortlist of the round in force uploads and bids
  await assertMayBid(client, tender.id, vendor.id);
  const deadline = findBidDeadline(tender.stages);
  const uploadStage = tender.stages.find((s) => s.endsAt.getTime() === deadline?.getTime()) ?? null;
  return {
    vendor: { id: vendor.id, npwp: vendor.npwp },
    tender: {
      id: tender.id,
      code: tender.code,
      status: tender.status,
      name: tender.paket.name,
      agencyName: tender.paket.agency.name,
      timeZone: tender.paket.agency.timeZone,
    },
    openingPublicKey: tender.openingKey ? decodePublicKey(tender.openingKey.publicKey) : null,
    pricePublicKey: tender.priceKey ? decodePublicKey(tender.priceKey.publicKey) : null,
    uploadStage,
  };
}

export type Bidder = Awaited<ReturnType<typeof loadBidder>>;

/**
 * Bids are taken while the tender is PUBLISHED and its UPLOAD_PENAWARAN stage is current
 * at `now`, which must be the database clock. At the deadline instant itself it is over.
 */
export function assertBidWindowOpen(bidder: Bidder, now: Date, locale: "id" | "en"): { keys: SealingKeys } {
  const stage = bidder.uploadStage;
  if (bidder.tender.status !== "PUBLISHED" || !stage) throw new AppError("INVALID_STATE", "bidTenderNotOpen");
  if (now.getTime() >= stage.endsAt.getTime())
    throw new AppError("INVALID_STATE", "bidDeadlinePassed", {
      deadline: formatInZone(stage.endsAt, bidder.tender.timeZone, locale),
    });
  if (!isWithin(stage, now))
    throw new AppError("INVALID_STATE", "bidUploadNotOpen", {
      start: formatInZone(stage.startsAt, bidder.tender.timeZone, locale),
    });
  if (!bidder.openingPublicKey) throw new AppError("INVALID_STATE", "openingKeyNotReady");
  return { keys: { opening: bidder.openingPublicKey, price: bidder.pricePublicKey } };
}

/** The tender's public keys a bid is sealed to: the price key only on a two-envelope tender. */
export interface SealingKeys {
  opening: Buffer;
  price: Buffer | null;
}

/**
 * The one place that says which key seals what (decision 0042): on a two-envelope tender
 * the price and the HARGA files go to the price key, everything else (the qualification
 * form too) to the opening key; on any other tender everything to the opening key.
 */
export function sealingKeyFor(keys: SealingKeys, item: SealedItem): Buffer {
  return envelopeOf(item, keys.price !== null) === "PRICE" ? keys.price! : keys.opening;
}

/**
 * Serialises the bid writes of one vendor on one tender (uploads' size check, submit,
 * withdraw) until the transaction ends. Two-key form: a keyspace apart from the audit lock.
 */
export async function lockBidder(tx: Tx, tenderId: string, vendorId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${tenderId}), hashtext(${vendorId}))`;
}
