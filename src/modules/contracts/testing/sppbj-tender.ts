import { applyTenderEvent } from "@/modules/tenders/server/apply-tender-event";
import { toZonedLocal } from "@/lib/zoned-time";
import { db } from "@/server/db";
import { makeAwardedTender } from "@/tests/factories";

const DAY = 86_400_000;

/**
 * A tender whose SPPBJ was issued (through the lifecycle's own event), ready for its contract:
 * HPS Rp480.000.000, the winner's corrected price Rp452.750.000. `day(n)` is the agency's
 * calendar day n days after the database clock's. The winner's profile lists "Direktur Uji"
 * on its direksi, the signatory draftTerms names.
 */
export async function makeSppbjTender(options: Parameters<typeof makeAwardedTender>[0] = {}) {
  const made = await makeAwardedTender(options);
  await db.vendorPerson.create({
    data: { vendorId: made.winner.vendorId, kind: "DIREKSI", name: "Direktur Uji", position: "Direktur Utama" },
  });
  await db.$transaction((tx) =>
    applyTenderEvent(tx, made.tender.id, { kind: "sppbjIssued" }, { actor: made.ppk, now: made.now }),
  );
  const timeZone = (await db.agency.findUniqueOrThrow({ where: { id: made.agency.id }, select: { timeZone: true } }))
    .timeZone;
  const day = (n: number) => toZonedLocal(new Date(made.now.getTime() + n * DAY), timeZone).slice(0, 10);
  return { ...made, timeZone, day };
}

/** A valid draft's terms around the database clock: 90 days, two termins of 40% and 60%. */
export function draftTerms(day: (n: number) => string) {
  return {
    startsOn: day(1),
    endsOn: day(91),
    paymentMode: "TERMIN" as const,
    terminPlan: "Termin I: pekerjaan struktur; 40\nTermin II: penyelesaian; 60",
    ppkSignatoryName: "Ir. Pejabat Uji",
    ppkSignatoryPosition: "Pejabat Pembuat Komitmen",
    ppkSignatoryNip: "198001012005011001",
    vendorSignatoryName: "Direktur Uji",
    vendorSignatoryPosition: "Direktur Utama",
  };
}
