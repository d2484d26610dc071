import "server-only";
import type { Actor, Permission } from "@/modules/auth/domain";
import { qualificationRequirementsSchema, type QualificationRequirements } from "@/modules/qualification/domain";
import { lockPokjaTender } from "@/modules/tenders";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

const SELECT = {
  id: true,
  code: true,
  status: true,
  prequalificationRound: true,
  shortlistAnnouncedAt: true,
  qualificationRequirements: true,
  procedure: {
    select: {
      hasPrakualifikasi: true,
      shortlistMin: true,
      shortlistMax: true,
      shortlistMinAfterRepeat: true,
      prequalificationRepeats: true,
      seleksiBasis: true,
    },
  },
  paket: { select: { name: true, agencyId: true, agency: { select: { timeZone: true } } } },
  pokja: { select: { members: { select: { userId: true } } } },
  stages: {
    orderBy: { position: "asc" },
    select: { id: true, kind: true, startsAt: true, endsAt: true, minHours: true },
  },
} as const;

export type SeleksiTender = Awaited<ReturnType<typeof readSeleksiTender>>;

export async function readSeleksiTender(tx: Tx, tenderId: string) {
  const tender = await tx.tender.findUnique({ where: { id: tenderId }, select: SELECT });
  if (!tender) throw new AppError("NOT_FOUND");
  return tender;
}

/** The tender's structured requirements, or null when it asks none (or set up before issue 15). */
export function requirementsOf(tender: SeleksiTender): QualificationRequirements | null {
  const parsed = qualificationRequirementsSchema.safeParse(tender.qualificationRequirements);
  return parsed.success ? parsed.data : null;
}

/** Only a running seleksi (a procedure with the prakualifikasi flag, announced) has a prakualifikasi. */
function assertRunningSeleksi(tender: SeleksiTender) {
  if (!tender.procedure.hasPrakualifikasi) throw new AppError("INVALID_STATE", "seleksi.notSeleksi");
  if (tender.status !== "PUBLISHED") throw new AppError("INVALID_STATE", "seleksi.tenderClosed");
}

/**
 * A member of the tender's Pokja with `permission` in its agency (anyone else: NOT_FOUND),
 * the tender row locked for the rest of the transaction, then the seleksi's state.
 */
export async function lockSeleksiForPokja(tx: Tx, actor: Actor, tenderId: string, permission: Permission) {
  await lockPokjaTender(tx, actor, tenderId, permission, { id: true });
  const tender = await readSeleksiTender(tx, tenderId);
  assertRunningSeleksi(tender);
  return tender;
}

/** For a vendor: the tender row locked (FOR SHARE: a Pokja announcing waits), a running seleksi. */
export async function lockSeleksiForVendor(tx: Tx, tenderId: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Tender" WHERE id = ${tenderId}::uuid FOR SHARE`;
  if (!locked) throw new AppError("NOT_FOUND");
  const tender = await readSeleksiTender(tx, tenderId);
  // a draft is as invisible to a vendor as a tender that does not exist
  if (tender.status === "DRAFT") throw new AppError("NOT_FOUND");
  assertRunningSeleksi(tender);
  return tender;
}

export const tenderRefOf = (t: SeleksiTender) => ({
  id: t.id,
  code: t.code,
  name: t.paket.name,
  timeZone: t.paket.agency.timeZone,
});

export const pokjaUserIdsOf = (t: SeleksiTender) => t.pokja?.members.map((m) => m.userId) ?? [];
