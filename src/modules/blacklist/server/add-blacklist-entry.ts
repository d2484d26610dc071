import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { readLpseProfile } from "@/modules/lpse";
import { notify } from "@/modules/notifications";
import { npwpEquivalents } from "@/modules/vendors/domain";
import { formatDateInZone } from "@/lib/time";
import { fromZonedLocal } from "@/lib/zoned-time";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { AddBlacklistEntryInput } from "../blacklist.schemas";
import { blacklistedMessage } from "../domain/messages";
import { BLACKLIST_MAX_YEARS, blacklistPeriodProblem } from "../domain/period";
import { assertMayManage } from "./manage-scope";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The decree's days as instants in the zone: from the first day's midnight to the midnight after the last. */
function periodInstants(firstDay: string, lastDay: string, timeZone: string) {
  const problem = blacklistPeriodProblem(firstDay, lastDay);
  if (problem) throw new AppError("VALIDATION", problem, { years: BLACKLIST_MAX_YEARS }, { lastDay: [problem] });
  const startsAt = fromZonedLocal(`${firstDay}T00:00`, timeZone);
  const lastMidnight = fromZonedLocal(`${lastDay}T00:00`, timeZone);
  if (!startsAt || !lastMidnight) throw new AppError("VALIDATION", "dateInvalid");
  // Indonesia keeps no daylight saving, so the next midnight is 24 hours on.
  return { startsAt, endsAt: new Date(lastMidnight.getTime() + DAY_MS) };
}

async function zoneOf(tx: Tx, agencyId: string | null): Promise<string> {
  if (agencyId === null) return (await readLpseProfile(tx)).timeZone;
  const agency = await tx.agency.findUnique({ where: { id: agencyId }, select: { timeZone: true } });
  if (!agency) throw new AppError("NOT_FOUND");
  return agency.timeZone;
}

/**
 * A Verifikator (national list) or a PA/KPA (its agency's sanction) enters a company on the
 * daftar hitam. The company need not be registered: the entry binds its NPWP, and it is
 * linked to the registered company with that NPWP (in either form) when there is one. A
 * second entry for the NPWP whose period overlaps one not lifted is refused. Never deleted.
 */
export async function addBlacklistEntry(actor: Actor, input: AddBlacklistEntryInput): Promise<{ id: string }> {
  const agencyId = input.agencyId ?? null;
  assertMayManage(actor, agencyId, "add");
  return db.$transaction(async (tx) => {
    const timeZone = await zoneOf(tx, agencyId);
    const { startsAt, endsAt } = periodInstants(input.firstDay, input.lastDay, timeZone);
    const now = await dbNow(tx);
    if (endsAt.getTime() <= now.getTime())
      throw new AppError("VALIDATION", "blacklistEndPassed", {}, { lastDay: ["blacklistEndPassed"] });

    const forms = npwpEquivalents(input.npwp);
    // One writer per taxpayer at a time, so two overlapping entries cannot both pass the check.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('segel.blacklist'), hashtext(${forms.sort()[0]!}))`;
    const overlapping = await tx.blacklistEntry.findFirst({
      where: { npwp: { in: forms }, liftedAt: null, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      select: { decreeNumber: true, endsAt: true },
    });
    if (overlapping)
      throw new AppError("CONFLICT", "blacklistOverlap", {
        decree: overlapping.decreeNumber,
        until: formatDateInZone(new Date(overlapping.endsAt.getTime() - 1), timeZone, actor.locale),
      });

    const vendor = await tx.vendor.findFirst({ where: { npwp: { in: forms } }, select: { id: true } });
    const entry = await tx.blacklistEntry.create({
      data: {
        npwp: input.npwp,
        vendorName: input.vendorName,
        vendorId: vendor?.id ?? null,
        decreeNumber: input.decreeNumber,
        legalBasis: input.legalBasis,
        reason: input.reason,
        agencyId,
        startsAt,
        endsAt,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true },
    });
    let notified = 0;
    if (vendor) {
      const users = await tx.user.findMany({ where: { vendorId: vendor.id }, select: { id: true } });
      const period = `${formatDateInZone(startsAt, timeZone)} s.d. ${formatDateInZone(new Date(endsAt.getTime() - 1), timeZone)}`;
      notified = await notify(tx, {
        ...blacklistedMessage({ decree: input.decreeNumber, basis: input.legalBasis, reason: input.reason, period }),
        userIds: users.map((u) => u.id),
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action: "blacklist.entryAdded",
      entityType: "BlacklistEntry",
      entityId: entry.id,
      data: {
        npwp: input.npwp,
        vendorName: input.vendorName,
        vendorId: vendor?.id ?? null,
        decreeNumber: input.decreeNumber,
        legalBasis: input.legalBasis,
        reason: input.reason,
        agencyId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        notified,
      },
    });
    return entry;
  });
}
