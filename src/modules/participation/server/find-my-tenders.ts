import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { findBidDeadline } from "@/modules/tenders/domain";
import { ownVendorId } from "@/modules/vendors";
import { db } from "@/server/db";

/** The tenders the actor's company registered for, the latest registration first. */
export async function findMyTenders(actor: Actor, { take = 100 }: { take?: number } = {}) {
  const vendorId = ownVendorId(actor);
  const rows = await db.tenderParticipant.findMany({
    where: { vendorId },
    orderBy: [{ registeredAt: "desc" }, { tenderId: "asc" }],
    take,
    select: {
      registeredAt: true,
      tender: {
        select: {
          id: true,
          code: true,
          status: true,
          paket: { select: { name: true, agency: { select: { name: true, timeZone: true } } } },
          stages: { where: { kind: "UPLOAD_PENAWARAN" }, select: { kind: true, startsAt: true, endsAt: true } },
        },
      },
    },
  });
  return rows.map(({ registeredAt, tender }) => ({
    tenderId: tender.id,
    code: tender.code,
    status: tender.status,
    paketName: tender.paket.name,
    agencyName: tender.paket.agency.name,
    timeZone: tender.paket.agency.timeZone,
    registeredAt,
    bidDeadline: findBidDeadline(tender.stages),
  }));
}
