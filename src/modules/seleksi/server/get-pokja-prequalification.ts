import "server-only";
import type { Actor } from "@/modules/auth/domain";
import { assessQualification, type QualificationForm } from "@/modules/qualification/domain";
import { assertPokjaAccess } from "@/modules/tenders";
import { db } from "@/server/db";
import { checkDecisionWindow, mayReadForms } from "../domain/windows";
import { findPrequalificationBas } from "./find-prequalification-bas";
import { readSeleksi, SANGGAH, windowOf } from "./read-seleksi";
import { requirementsOf } from "./seleksi-context";

/**
 * The Pokja's prakualifikasi page: the round's applications with each requirement beside the
 * answer (qualification module's assessment) only once the PRAKUALIFIKASI stage ended; the
 * decisions, the result, each conclusion's Berita Acara and the sanggah prakualifikasi.
 */
export async function getPokjaPrequalification(actor: Actor, tenderId: string) {
  await assertPokjaAccess(db, actor, tenderId, "tender.evaluate");
  const { tender, now } = await readSeleksi(tenderId);
  const round = tender.prequalificationRound;
  const readable = mayReadForms(tender.stages, now);
  const requirements = requirementsOf(tender);
  const prak = windowOf(tender, "PRAKUALIFIKASI");
  const [applications, sanggahs, beritaAcara] = await Promise.all([
    db.prequalificationApplication.findMany({
      where: { tenderId, round },
      orderBy: { submittedAt: "asc" },
      select: {
        id: true,
        submittedAt: true,
        form: true,
        passed: true,
        score: true,
        reason: true,
        shortlisted: true,
        vendor: { select: { name: true, npwp: true } },
      },
    }),
    db.sanggah.findMany({
      where: { tenderId, kind: "SANGGAH_PRAKUALIFIKASI" },
      orderBy: { filedAt: "asc" },
      select: { ...SANGGAH, vendor: { select: { name: true } } },
    }),
    findPrequalificationBas(tenderId),
  ]);
  return {
    tender: { id: tender.id, code: tender.code, name: tender.paket.name, timeZone: tender.paket.agency.timeZone },
    status: tender.status,
    round,
    now,
    rules: tender.procedure,
    announcedAt: tender.shortlistAnnouncedAt,
    prakualifikasi: prak,
    formsReadable: readable,
    canDecide:
      tender.status === "PUBLISHED" && checkDecisionWindow(tender.stages, tender.shortlistAnnouncedAt, now) === null,
    applications: applications.map((a) => ({
      id: a.id,
      vendorName: a.vendor.name,
      submittedAt: a.submittedAt,
      passed: a.passed,
      score: a.score === null ? null : Number(a.score),
      reason: a.reason,
      shortlisted: a.shortlisted,
      // nothing of a form before the stage ends: not even through this read
      assessment:
        readable && requirements && prak
          ? assessQualification(
              requirements,
              a.form as unknown as QualificationForm,
              prak.endsAt,
              tender.paket.agency.timeZone,
            )
          : null,
    })),
    sanggahs,
    beritaAcara,
  };
}
