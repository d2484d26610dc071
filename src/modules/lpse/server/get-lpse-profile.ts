import "server-only";
import { cache } from "react";
import { db } from "@/server/db";

export interface LpseProfile {
  name: string;
  timeZone: string;
}

const FALLBACK: LpseProfile = { name: "Segel", timeZone: "Asia/Jakarta" };

/**
 * The one LPSE this instance serves (one Segel = one LPSE). Cached per request because
 * the header, the footer and some pages all ask. Before the first setup there is no row,
 * so the product name stands in.
 */
export const getLpseProfile = cache(async (): Promise<LpseProfile> => {
  const row = await db.lpseInstance.findFirst({
    select: { name: true, timeZone: true },
    orderBy: { createdAt: "asc" },
  });
  return row ?? FALLBACK;
});
