import "server-only";
import { findVerifiedProfiles } from "@/modules/vendors";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { describeUnmet, unmetRequirements, type Unmet } from "../domain/qualification-requirements";

/** What each vendor's verified profile lacks against the tender's requirements at `now`. */
export async function findUnmetRequirements(
  client: Db | Tx,
  tenderId: string,
  vendorIds: readonly string[],
  now: Date,
): Promise<Map<string, Unmet[]>> {
  const tender = await client.tender.findUniqueOrThrow({
    where: { id: tenderId },
    select: { requiredKbli: true, requiredPermits: true },
  });
  const profiles = await findVerifiedProfiles(client, vendorIds);
  const requirements = { kbli: tender.requiredKbli, permits: tender.requiredPermits };
  return new Map(
    vendorIds.map((id) => [
      id,
      unmetRequirements(requirements, profiles.get(id) ?? { isVerified: false, kbli: [], permits: [] }, now),
    ]),
  );
}

/**
 * A Tender Cepat takes only bidders already qualified (Perpres 16/2018 Pasal 38 ayat (6)):
 * registering and submitting are refused, naming what is missing, when the vendor's
 * verified profile does not meet the tender's requirements. Other methods qualify after
 * the opening, so this asks nothing of them.
 */
export async function assertQualifiedForTenderCepat(
  client: Db | Tx,
  tenderId: string,
  vendorId: string,
  now: Date,
): Promise<void> {
  const tender = await client.tender.findUnique({ where: { id: tenderId }, select: { method: true } });
  if (tender?.method !== "TENDER_CEPAT") return;
  const unmet = (await findUnmetRequirements(client, tenderId, [vendorId], now)).get(vendorId)!;
  if (unmet.some((u) => u.kind === "NOT_VERIFIED")) throw new AppError("INVALID_STATE", "ownVendorNotVerified");
  if (unmet.length) throw new AppError("FORBIDDEN", "cepatRequirementsUnmet", { missing: describeUnmet(unmet) });
}
