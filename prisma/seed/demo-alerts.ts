import type { PrismaClient } from "../../src/generated/prisma/client";
import { createSavedSearch } from "../../src/modules/alerts/server/create-saved-search";
import { actorOf } from "./demo-actors";

/**
 * One saved search of the first demo vendor (construction, KBLI from its profile), so its
 * /penyedia/pencarian-tersimpan is not empty. Saved at the real time after the demo tenders,
 * as a daily digest: the demo's own tenders send it nothing; new ones go in tomorrow's digest.
 */
export async function seedSavedSearches(db: PrismaClient): Promise<void> {
  await createSavedSearch(await actorOf(db, "penyedia1@segel.test"), {
    name: "Konstruksi jalan dan jembatan di atas Rp1 miliar",
    kbli: ["42101", "42911"],
    region: null,
    categories: ["PEKERJAAN_KONSTRUKSI"],
    minValue: 1_000_000_000n,
    maxValue: null,
    keyword: null,
    frequency: "DAILY",
  });
}
