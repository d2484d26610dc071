import "server-only";
import { readLpseProfile } from "@/modules/lpse";
import { npwpEquivalents } from "@/modules/vendors/domain";
import { dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { formatInZone, type DisplayLocale } from "@/lib/time";
import { isInForce } from "../domain/in-force";

/** What the refusal is about: taking part (register, bid, prakualifikasi, an invitation) or being chosen. */
export type BlacklistUse = "participate" | "choose";

/** The entry that binds the company now, or null: by its id or by its NPWP in either form (PMK 112/2022). */
export async function findBindingEntry(tx: Tx, vendorId: string, now: Date) {
  const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { name: true, npwp: true } });
  if (!vendor) return null;
  const entry = await tx.blacklistEntry.findFirst({
    where: {
      liftedAt: null,
      startsAt: { lte: now },
      endsAt: { gt: now },
      OR: [{ vendorId }, { npwp: { in: npwpEquivalents(vendor.npwp) } }],
    },
    orderBy: { endsAt: "desc" },
    select: { id: true, decreeNumber: true, legalBasis: true, startsAt: true, endsAt: true, liftedAt: true },
  });
  return entry && isInForce(entry, now) ? { ...entry, vendorName: vendor.name } : null;
}

/** Of several companies, those an entry binds now, each with its entry (findBindingEntry for each). */
export async function findBindingEntries(tx: Tx, vendorIds: Iterable<string>, now: Date) {
  const bound = [];
  for (const vendorId of new Set(vendorIds)) {
    const entry = await findBindingEntry(tx, vendorId, now);
    if (entry) bound.push({ vendorId, entry });
  }
  return bound;
}

/**
 * Refuses a company on the daftar hitam (Perpres 16/2018 Pasal 78 ayat (5) jo. Perpres 12/2021:
 * a blacklisted company may not take part in procurement for the sanction's period). Called
 * inside the caller's transaction, by the database clock, where a company registers, bids or
 * is chosen. The message names the decree and the period's end.
 */
export async function assertNotBlacklisted(
  tx: Tx,
  vendorId: string,
  use: BlacklistUse = "participate",
  locale: DisplayLocale = "id",
) {
  const now = await dbNow(tx);
  const entry = await findBindingEntry(tx, vendorId, now);
  if (!entry) return;
  const { timeZone } = await readLpseProfile(tx);
  throw new AppError("FORBIDDEN", use === "choose" ? "blacklistedCannotBeChosen" : "blacklistedCannotTakePart", {
    vendor: entry.vendorName,
    decree: entry.decreeNumber,
    basis: entry.legalBasis,
    until: formatInZone(entry.endsAt, timeZone, locale),
  });
}

/** The winner and reserves of a proposal (bid ids, nulls skipped): none may be on the daftar hitam. */
export async function assertBidsNotBlacklisted(
  tx: Tx,
  bidIds: readonly (string | null)[],
  locale: DisplayLocale = "id",
) {
  const ids = bidIds.filter((id): id is string => id !== null);
  const bids = await tx.bid.findMany({ where: { id: { in: ids } }, select: { vendorId: true } });
  for (const { vendorId } of bids) await assertNotBlacklisted(tx, vendorId, "choose", locale);
}
