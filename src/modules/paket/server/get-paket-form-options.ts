import "server-only";
import { agenciesFor, can, type Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { MethodRuleRow } from "../domain/method-rule-rows";
import { readMethodRuleRows } from "./find-method-rules";

export interface PaketFormOptions {
  workUnits: { id: string; name: string; agencyName: string }[];
  rules: MethodRuleRow[];
}

/**
 * What the paket form offers: the work units of the agencies where the actor is PPK
 * (another agency's satker is not a choice), and the rule rows for the method preview.
 */
export async function getPaketFormOptions(actor: Actor, agencyId?: string): Promise<PaketFormOptions> {
  if (!can(actor, "paket.create")) throw new AppError("FORBIDDEN");
  const agencies = agenciesFor(actor, "paket.create").filter((id) => agencyId === undefined || id === agencyId);
  const [units, rules] = await Promise.all([
    db.workUnit.findMany({
      where: { agencyId: { in: agencies } },
      orderBy: [{ agency: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, agency: { select: { name: true } } },
    }),
    readMethodRuleRows(),
  ]);
  return { workUnits: units.map((u) => ({ id: u.id, name: u.name, agencyName: u.agency.name })), rules };
}
