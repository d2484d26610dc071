import type { StageKind } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { actorFor, makePokja, makeScheduledTender, makeUser, makeVendor } from "./index";

/**
 * The seleksi's stages as hours from the database clock, shifted by `shiftHours`: with 0
 * the PRAKUALIFIKASI stage runs now (from a day ago to a day ahead); -30 puts the Pokja
 * after it (its result to decide), -50 inside the sanggah prakualifikasi, -100 inside the
 * invitation, -170 inside the upload of bids.
 */
export function seleksiStages(shiftHours = 0): [StageKind, number, number][] {
  const windows: [StageKind, number, number][] = [
    ["PENGUMUMAN", -48, -24],
    ["PRAKUALIFIKASI", -24, 24],
    ["PENGUMUMAN_HASIL_PRAKUALIFIKASI", 24, 48],
    ["SANGGAH_PRAKUALIFIKASI", 48, 96],
    ["UNDANGAN", 96, 120],
    ["PEMBERIAN_PENJELASAN", 120, 168],
    ["UPLOAD_PENAWARAN", 168, 336],
    ["PEMBUKAAN", 336, 360],
  ];
  return windows.map(([kind, from, to]) => [kind, from + shiftHours, to + shiftHours]);
}

/**
 * An announced seleksi (jasa konsultansi, the procedure with prakualifikasi) run by a Pokja
 * of one member (`pokja`), its stages as seleksiStages(shiftHours); and `outsider`, a Pokja
 * member of the same agency on another Pokja.
 */
export async function makeSeleksiTender(options: { shiftHours?: number } = {}) {
  const made = await makeScheduledTender({
    method: "SELEKSI",
    paket: { category: "JASA_KONSULTANSI" },
    publishedHoursAgo: 48 - (options.shiftHours ?? 0),
    stages: seleksiStages(options.shiftHours ?? 0),
  });
  const member = await makeUser([{ role: "POKJA", agencyId: made.agency.id }]);
  const pokja = await makePokja(made.agency, [member.id]);
  await db.tender.update({ where: { id: made.tender.id }, data: { pokjaId: pokja.id } });
  const other = await makeUser([{ role: "POKJA", agencyId: made.agency.id }]);
  await makePokja(made.agency, [other.id]);
  return { ...made, pokja: actorFor(member), pokjaRow: pokja, outsider: actorFor(other) };
}

/** A verified vendor with one PENYEDIA user (`penyedia`), not yet applying. */
export async function makeConsultant(options: { status?: "PENDING" | "VERIFIED" | "REJECTED" } = {}) {
  const vendor = await makeVendor({ status: options.status });
  const user = await makeUser([{ role: "PENYEDIA" }], { vendorId: vendor.id });
  return { vendor, penyedia: actorFor(user) };
}

/** A minimal qualification form (the shape of qualification/domain/shapes.ts). */
export const EMPTY_FORM = {
  version: 1,
  permits: [],
  kbli: [],
  experience: [],
  staff: [],
  equipment: [],
  financial: null,
};

/**
 * An application of a new consultant for `round` (default 1), registered as a participant,
 * written directly (the Pokja's side is what the caller tests); decided when `decision` is given.
 */
export async function makeApplication(
  tenderId: string,
  options: {
    round?: number;
    decision?: { passed: boolean; score: number; decidedById: string };
    shortlisted?: boolean;
  } = {},
) {
  const consultant = await makeConsultant();
  await db.tenderParticipant.create({ data: { tenderId, vendorId: consultant.vendor.id, registeredAt: new Date() } });
  const application = await db.prequalificationApplication.create({
    data: {
      tenderId,
      vendorId: consultant.vendor.id,
      round: options.round ?? 1,
      submittedById: consultant.penyedia.userId,
      submittedAt: new Date(),
      form: EMPTY_FORM,
      ...(options.decision && {
        passed: options.decision.passed,
        score: options.decision.score,
        reason: "Keputusan uji prakualifikasi.",
        decidedById: options.decision.decidedById,
        decidedAt: new Date(),
      }),
      shortlisted: options.shortlisted ?? false,
    },
  });
  return { ...consultant, application };
}
