import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

/** Everything a profile page shows; never a user's password hash. */
const PROFILE_SELECT = {
  id: true,
  name: true,
  businessForm: true,
  npwp: true,
  nib: true,
  address: true,
  city: true,
  province: true,
  email: true,
  phone: true,
  kbli: true,
  status: true,
  submittedAt: true,
  verifiedAt: true,
  rejectionReason: true,
  createdAt: true,
  permits: {
    select: { id: true, kind: true, number: true, issuedBy: true, validUntil: true, documentId: true },
    orderBy: { kind: "asc" },
  },
  deeds: {
    select: { id: true, kind: true, number: true, date: true, notary: true, documentId: true },
    orderBy: { date: "asc" },
  },
  people: {
    select: { id: true, kind: true, name: true, position: true, nik: true, education: true, experienceYears: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  },
  experiences: {
    select: { id: true, contractName: true, client: true, contractValue: true, year: true, location: true },
    orderBy: { year: "desc" },
  },
  documents: {
    select: { id: true, fileName: true, sizeBytes: true, sha256: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  },
} satisfies Prisma.VendorSelect;

export type VendorProfile = Prisma.VendorGetPayload<{ select: typeof PROFILE_SELECT }>;

export const loadVendorProfile = (client: Db, id: string): Promise<VendorProfile | null> =>
  client.vendor.findUnique({ where: { id }, select: PROFILE_SELECT });
