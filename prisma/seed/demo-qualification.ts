import type { PrismaClient } from "../../src/generated/prisma/client";
import type { QualificationRequirements } from "../../src/modules/qualification/domain/shapes";
import { CONSULTANCY_REQUIREMENTS } from "./demo-requirements";
import type { QualificationChoices } from "../../src/modules/qualification/qualification.schemas";
import { applyPrequalification } from "../../src/modules/seleksi/server/apply-prequalification";
import { concludePrequalification } from "../../src/modules/seleksi/server/conclude-prequalification";
import { decidePrequalification } from "../../src/modules/seleksi/server/decide-prequalification";
import type { Actor } from "../../src/modules/auth/domain/permissions";
import { actorOf } from "./demo-actors";
import { VENDORS } from "./demo-people";

const DAY = 86_400_000;

/**
 * Each demo vendor's verified profile gets an NIB, two completed contracts, its director and two experts:
 * written with the vendor rows (demo-organisation.ts), as the profile the Verifikator
 * checked sixty days ago, so the qualification forms have entries to copy.
 */
export async function seedVendorProfiles(db: PrismaClient, now: Date): Promise<void> {
  const year = new Date(now.getTime()).getUTCFullYear();
  for (const [i, v] of VENDORS.entries()) {
    const vendor = await db.vendor.findUniqueOrThrow({ where: { npwp: v.npwp }, select: { id: true } });
    await db.vendorPermit.create({
      data: {
        vendorId: vendor.id,
        kind: "NIB",
        number: `91203${String(1000000 + i * 7919).padStart(8, "0")}`,
        issuedBy: "Lembaga OSS",
        validUntil: null,
      },
    });
    await db.vendorExperience.createMany({
      data: [1, 2].map((n) => ({
        vendorId: vendor.id,
        contractName: `Pekerjaan sejenis ${n} ${v.name}`,
        client: n === 1 ? "Dinas Pekerjaan Umum Kota Bogor" : "Balai Wilayah Sungai Sulawesi",
        contractValue: BigInt(1_250_000_000 + i * 150_000_000) * BigInt(n),
        year: year - n,
        location: "Indonesia",
      })),
    });
    await db.vendorPerson.createMany({
      data: [
        // the direksi named in the deed: who signs the company's contracts
        { vendorId: vendor.id, kind: "DIREKSI", name: v.director.name, position: v.director.position },
        {
          vendorId: vendor.id,
          kind: "TENAGA_AHLI",
          name: `Ir. Ahli Utama ${i + 1}`,
          position: "Team Leader",
          education: "S1 Teknik Sipil",
          experienceYears: 12,
        },
        {
          vendorId: vendor.id,
          kind: "STAF",
          name: `Teknisi ${i + 1}`,
          position: "Teknisi",
          education: "D3 Teknik Mesin",
          experienceYears: 5,
        },
      ],
    });
  }
}

/** The vendor's answer from its profile: every permit and experience, its first person for each staff row. */
export async function choicesFor(
  db: PrismaClient,
  vendorId: string,
  requirements: QualificationRequirements,
): Promise<QualificationChoices> {
  const vendor = await db.vendor.findUniqueOrThrow({
    where: { id: vendorId },
    select: {
      permits: { select: { id: true } },
      experiences: { select: { id: true } },
      people: { select: { id: true }, orderBy: { experienceYears: "desc" } },
    },
  });
  return {
    permitIds: vendor.permits.map((p) => p.id),
    experienceIds: vendor.experiences.map((e) => e.id),
    staff: requirements.staff.flatMap((_, forRequirement) =>
      vendor.people[0] ? [{ vendorPersonId: vendor.people[0].id, forRequirement }] : [],
    ),
    equipment: requirements.equipment.map((e, forRequirement) => ({
      forRequirement,
      name: e.name,
      count: e.minCount,
      ownership: "MILIK_SENDIRI" as const,
    })),
    financial: requirements.financial ? { netWorth: 3_500_000_000n, taxReturnYear: 2025 } : null,
  };
}

/**
 * A seleksi's prakualifikasi walked to its shortlist (Perlem LKPP 12/2021 Lampiran II): the
 * applicants send their forms inside the PRAKUALIFIKASI stage, the Pokja decides each after
 * it ended and concludes: with at least the procedure's minimum passing, the shortlist is
 * announced. `to` moves the seed's clock and runs the worker there.
 */
export async function walkPrakualifikasi(
  db: PrismaClient,
  to: (at: Date) => Promise<void>,
  tenderId: string,
  leader: Actor,
  applicants: { email: string; passed: boolean; score: number }[],
): Promise<void> {
  const stage = await db.tenderStage.findFirstOrThrow({
    where: { tenderId, kind: "PRAKUALIFIKASI" },
    select: { startsAt: true, endsAt: true },
  });
  for (const [i, a] of applicants.entries()) {
    await to(new Date(stage.startsAt.getTime() + (i + 1) * (DAY / 2)));
    const actor = await actorOf(db, a.email);
    const requirements = await db.tender.findUniqueOrThrow({
      where: { id: tenderId },
      select: { qualificationRequirements: true },
    });
    await applyPrequalification(actor, {
      tenderId,
      qualification: await choicesFor(
        db,
        actor.vendorId!,
        (requirements.qualificationRequirements as QualificationRequirements | null) ?? CONSULTANCY_REQUIREMENTS,
      ),
    });
  }
  await to(new Date(stage.endsAt.getTime() + 2 * 3_600_000));
  const rows = await db.prequalificationApplication.findMany({
    where: { tenderId },
    select: { id: true, vendor: { select: { users: { select: { email: true } } } } },
  });
  for (const row of rows) {
    const a = applicants.find((x) => row.vendor.users.some((u) => u.email === x.email))!;
    await decidePrequalification(leader, {
      applicationId: row.id,
      passed: a.passed,
      score: a.score,
      reason: a.passed
        ? "Memenuhi seluruh persyaratan kualifikasi dan pengalaman sejenis."
        : "Pengalaman sejenis tidak memenuhi nilai minimal yang disyaratkan.",
    });
  }
  await concludePrequalification(leader, { tenderId });
}
