import "server-only";
import { db } from "@/server/db";
import type { QualificationProfile } from "../components/qualification-form-fields";

/**
 * What the qualification form offers a vendor to choose from: its own profile's entries,
 * as plain values for the client component. Read for the vendor's own pages only (the
 * caller passes the vendor of the signed-in user); buildQualificationForm checks again.
 */
export async function getQualificationProfile(vendorId: string): Promise<QualificationProfile> {
  const vendor = await db.vendor.findUniqueOrThrow({
    where: { id: vendorId },
    select: {
      status: true,
      kbli: true,
      permits: { orderBy: { kind: "asc" } },
      experiences: { orderBy: [{ year: "desc" }, { contractName: "asc" }] },
      people: { where: { kind: { in: ["TENAGA_AHLI", "STAF", "DIREKSI"] } }, orderBy: { name: "asc" } },
    },
  });
  return {
    isVerified: vendor.status === "VERIFIED",
    kbli: vendor.kbli,
    permits: vendor.permits.map((p) => ({
      id: p.id,
      kind: p.kind,
      number: p.number,
      validUntil: p.validUntil?.toISOString().slice(0, 10) ?? null,
    })),
    experiences: vendor.experiences.map((e) => ({
      id: e.id,
      contractName: e.contractName,
      client: e.client,
      contractValue: e.contractValue.toString(),
      year: e.year,
    })),
    people: vendor.people.map((p) => ({ id: p.id, name: p.name, position: p.position, education: p.education })),
  };
}
