import type { Prisma } from "@/generated/prisma/client";
import { db, dbNow } from "@/server/db";
import { makeUser } from "./index";

const HOUR = 3_600_000;

/**
 * A daftar hitam entry written straight to the table (as a verifier's decree would be), by
 * the database clock: in force from an hour ago for a year unless `fromHours`/`toHours` say
 * otherwise. It binds by NPWP, and by `vendorId` too when given; `extra` sets any other column.
 */
export async function makeBlacklistEntry(
  firm: { npwp: string; vendorName: string; vendorId?: string },
  options: {
    decreeNumber?: string;
    fromHours?: number;
    toHours?: number;
    createdById?: string;
    extra?: Partial<Prisma.BlacklistEntryUncheckedCreateInput>;
  } = {},
) {
  const now = await dbNow();
  const createdById = options.createdById ?? (await makeUser([{ role: "VERIFIKATOR" }])).id;
  return db.blacklistEntry.create({
    data: {
      ...firm,
      decreeNumber: options.decreeNumber ?? "SK/DH/015/2026",
      legalBasis: "Perpres 16/2018 Pasal 78",
      reason: "Uji daftar hitam.",
      startsAt: new Date(now.getTime() + (options.fromHours ?? -1) * HOUR),
      endsAt: new Date(now.getTime() + (options.toHours ?? 365 * 24) * HOUR),
      createdById,
      createdAt: now,
      ...options.extra,
    },
  });
}

/** The same for a registered vendor, bound by its id and its NPWP. */
export const blacklistVendor = (vendor: { id: string; npwp: string; name: string }, decreeNumber?: string) =>
  makeBlacklistEntry({ npwp: vendor.npwp, vendorName: vendor.name, vendorId: vendor.id }, { decreeNumber });
