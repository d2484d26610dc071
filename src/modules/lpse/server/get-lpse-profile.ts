import "server-only";
import { cache } from "react";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export interface LpseProfile {
  name: string;
  timeZone: string;
  address: string | null;
  contactEmail: string | null;
  phone: string | null;
  website: string | null;
  /** the OCDS ocid prefix (public: every ocid starts with it) */
  ocidPrefix: string;
  /** the logo's address, which changes with the logo (so it may be cached for good), or null */
  logoUrl: string | null;
}

const FALLBACK: LpseProfile = {
  name: "Segel",
  timeZone: "Asia/Jakarta",
  address: null,
  contactEmail: null,
  phone: null,
  website: null,
  ocidPrefix: "",
  logoUrl: null,
};

export const lpseLogoPath = (sha256: string) => `/api/lpse/logo/${sha256}`;

/** The one LPSE of this instance (one Segel = one LPSE): the oldest row. */
export async function readLpseProfile(client: Pick<typeof db, "lpseInstance"> = db): Promise<LpseProfile> {
  const row = await client.lpseInstance.findFirst({
    select: {
      name: true,
      timeZone: true,
      address: true,
      contactEmail: true,
      phone: true,
      website: true,
      ocidPrefix: true,
      logoSha256: true,
    },
    orderBy: { createdAt: "asc" },
  });
  if (!row) return FALLBACK;
  const { logoSha256, ...rest } = row;
  return { ...rest, logoUrl: logoSha256 ? lpseLogoPath(logoSha256) : null };
}

/**
 * Cached per request because the header, the footer and some pages all ask. Before the
 * first start there is no row, so the product name stands in.
 */
export const getLpseProfile = cache(() => readLpseProfile());

/** The profile for its form: ADMIN_LPSE only (the page shows a refusal to anyone else). */
export async function getLpseProfileForEdit(actor: Actor): Promise<LpseProfile> {
  if (!can(actor, "lpse.manage")) throw new AppError("FORBIDDEN");
  return readLpseProfile();
}
