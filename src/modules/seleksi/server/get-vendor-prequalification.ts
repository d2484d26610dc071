import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { getQualificationProfile } from "@/modules/qualification";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkApplyWindow, checkSanggahWindow } from "../domain/windows";
import { findPrequalificationBas } from "./find-prequalification-bas";
import { readSeleksi, SANGGAH, windowOf } from "./read-seleksi";
import { requirementsOf } from "./seleksi-context";

/**
 * The vendor's prakualifikasi page: its application of the round, the result once announced, its
 * sanggah, and the Berita Acara Hasil Prakualifikasi when it takes part in the tender.
 */
export async function getVendorPrequalification(actor: Actor, tenderId: string) {
  if (!actor.vendorId || !can(actor, "prequalification.apply")) throw new AppError("FORBIDDEN");
  const { tender, now } = await readSeleksi(tenderId);
  const vendorId = actor.vendorId;
  const round = tender.prequalificationRound;
  const [application, sanggahs, profile, participant] = await Promise.all([
    db.prequalificationApplication.findUnique({
      where: { tenderId_vendorId_round: { tenderId, vendorId, round } },
      select: { submittedAt: true, form: true, passed: true, reason: true, shortlisted: true },
    }),
    db.sanggah.findMany({
      where: { tenderId, vendorId, kind: "SANGGAH_PRAKUALIFIKASI" },
      orderBy: { filedAt: "asc" },
      select: SANGGAH,
    }),
    getQualificationProfile(vendorId),
    db.tenderParticipant.findUnique({
      where: { tenderId_vendorId: { tenderId, vendorId } },
      select: { vendorId: true },
    }),
  ]);
  const announced = tender.shortlistAnnouncedAt;
  const filedThisRound = announced ? sanggahs.some((s) => s.filedAt >= announced) : false;
  return {
    tender: { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone },
    status: tender.status,
    round,
    now,
    requirements: requirementsOf(tender),
    profile,
    prakualifikasi: windowOf(tender, "PRAKUALIFIKASI"),
    sanggahWindow: windowOf(tender, "SANGGAH_PRAKUALIFIKASI"),
    canApply: tender.status === "PUBLISHED" && checkApplyWindow(tender.stages, now) === null,
    application: application && {
      submittedAt: application.submittedAt,
      // the decision is the vendor's to read only once announced
      result: announced ? { shortlisted: application.shortlisted, reason: application.reason } : null,
    },
    canFileSanggah:
      Boolean(application) && !filedThisRound && checkSanggahWindow(tender.stages, announced, now) === null,
    sanggahs,
    // the berita acara are for the tender's participants (every applicant), as the download allows
    beritaAcara: participant ? await findPrequalificationBas(tenderId) : [],
  };
}
