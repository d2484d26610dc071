import "server-only";
import type { VendorStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain";
import { db, type Db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { mayTakePart } from "../domain/verification";
import { ownVendorId } from "./own-vendor";

/**
 * For other modules (participation, questions, bids, sanggah): the actor's own company,
 * if it is VERIFIED. FORBIDDEN for anyone who is not a PENYEDIA user of a company;
 * INVALID_STATE while the company is pending or rejected. Pass the transaction so the
 * check and the write see the same row.
 */
export async function assertVendorVerified(actor: Actor, client: Db | Tx = db): Promise<{ id: string; name: string }> {
  const id = ownVendorId(actor);
  // FOR SHARE: inside a transaction, a legal edit that would send the company back to
  // PENDING waits until the caller's write (a registration, a bid) has committed.
  const [vendor] = await client.$queryRaw<{ id: string; name: string; status: VendorStatus }[]>`
    SELECT id, name, status FROM "Vendor" WHERE id = ${id}::uuid FOR SHARE`;
  if (!vendor) throw new AppError("FORBIDDEN");
  if (!mayTakePart(vendor.status)) throw new AppError("INVALID_STATE", "ownVendorNotVerified");
  return { id: vendor.id, name: vendor.name };
}
