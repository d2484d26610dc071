import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { evaluateRedFlags } from "../domain/evaluate";
import type { RedFlagThresholds } from "../domain/flags";
import { gatherRedFlagFacts } from "./gather-red-flag-facts";
import { readRedFlagSettings } from "./red-flag-settings";

let settings: RedFlagThresholds | undefined;
/** Read once per process: a wrong SEGEL_RED_FLAG_* setting is refused with its name. */
export const redFlagSettings = () => (settings ??= readRedFlagSettings());

/**
 * Recomputes a tender's red flags in the transaction of its change (docs/decisions/0041):
 * called by open-data's tenderChanged after every lifecycle event and addendum, and by
 * the recompute of all. Idempotent: a flag still raised keeps its first raisedAt (its
 * figures are brought up to date), a flag that no longer holds is removed, and the
 * agency and fiscal year are copied for the public list's filters. `now` is the caller's
 * database clock, so a flag raised by an event carries that event's instant.
 */
export async function refreshRedFlags(
  tx: Tx,
  tenderId: string,
  now: Date,
  thresholds: RedFlagThresholds = redFlagSettings(),
): Promise<void> {
  const found = await gatherRedFlagFacts(tx, tenderId, thresholds);
  if (!found) return;
  const raised = evaluateRedFlags(found.facts, thresholds);
  const existing = await tx.tenderRedFlag.findMany({
    where: { tenderId },
    select: { code: true, agencyId: true, fiscalYear: true, detail: true },
  });
  const gone = existing.filter((e) => !raised.some((r) => r.code === e.code)).map((e) => e.code);
  if (gone.length) await tx.tenderRedFlag.deleteMany({ where: { tenderId, code: { in: gone } } });
  for (const flag of raised) {
    const copies = {
      agencyId: found.agencyId,
      fiscalYear: found.fiscalYear,
      detail: flag.detail as Prisma.InputJsonObject,
    };
    const before = existing.find((e) => e.code === flag.code);
    if (!before) await tx.tenderRedFlag.create({ data: { tenderId, code: flag.code, raisedAt: now, ...copies } });
    // most events change no figure: nothing is written then
    else if (!sameCopies(before, copies))
      await tx.tenderRedFlag.update({ where: { tenderId_code: { tenderId, code: flag.code } }, data: copies });
  }
}

function sameCopies(
  a: { agencyId: string; fiscalYear: number; detail: unknown },
  b: { agencyId: string; fiscalYear: number; detail: Record<string, unknown> },
): boolean {
  const detail = (a.detail ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(detail), ...Object.keys(b.detail)]);
  return (
    a.agencyId === b.agencyId && a.fiscalYear === b.fiscalYear && [...keys].every((k) => detail[k] === b.detail[k])
  );
}
