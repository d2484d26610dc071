import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { findVerifiedProfiles } from "@/modules/vendors";
import { db } from "@/server/db";
import { savedSearchVendorId } from "./own-saved-search";

/** How many recent matches the page shows per search. */
const RECENT_MATCHES = 5;

/**
 * The vendor's saved searches for its page, each with its latest matches, and the KBLI
 * codes of the vendor's verified profile as suggestions (none while it is not verified).
 */
export async function findSavedSearches(actor: Actor) {
  const vendorId = savedSearchVendorId(actor);
  const [searches, profiles] = await Promise.all([
    db.savedSearch.findMany({
      where: { vendorId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        userId: true,
        user: { select: { name: true } },
        name: true,
        kbli: true,
        region: true,
        categories: true,
        minValue: true,
        maxValue: true,
        keyword: true,
        frequency: true,
        lastDigestAt: true,
        matches: {
          orderBy: [{ matchedAt: "desc" }, { tenderId: "asc" }],
          take: RECENT_MATCHES,
          select: {
            matchedAt: true,
            sentAt: true,
            tender: { select: { code: true, paket: { select: { name: true } } } },
          },
        },
      },
    }),
    findVerifiedProfiles(db, [vendorId]),
  ]);
  const profile = profiles.get(vendorId);
  return { searches, suggestedKbli: profile?.isVerified ? profile.kbli : [] };
}
