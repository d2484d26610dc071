import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/** The pengadaan langsung invitations of the actor's own company, newest first. */
export async function findVendorInvitations(actor: Actor) {
  if (!can(actor, "directProcurement.quote") || !actor.vendorId) throw new AppError("FORBIDDEN");
  const rows = await db.directProcurement.findMany({
    where: { vendorId: actor.vendorId },
    orderBy: { invitedAt: "desc" },
    take: 200,
    select: {
      id: true,
      status: true,
      invitedAt: true,
      quotedPrice: true,
      quotedAt: true,
      negotiatedPrice: true,
      contractNumber: true,
      contractValue: true,
      paket: {
        select: {
          rupCode: true,
          name: true,
          category: true,
          hps: true,
          location: true,
          agency: { select: { name: true, timeZone: true } },
        },
      },
    },
  });
  return rows.map(({ paket, ...dp }) => ({
    ...dp,
    paketName: paket.name,
    rupCode: paket.rupCode,
    category: paket.category,
    hps: paket.hps,
    location: paket.location,
    agencyName: paket.agency.name,
    agencyTimeZone: paket.agency.timeZone,
  }));
}

export type VendorInvitation = Awaited<ReturnType<typeof findVendorInvitations>>[number];
