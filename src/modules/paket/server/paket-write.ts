import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { ProcurementMethod } from "@/generated/prisma/enums";
import { formatRupiah } from "@/lib/money";
import { can, type Actor, type Permission } from "@/modules/auth/domain";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkPaketAmounts, hpsTotal } from "../domain/hps";
import { decideMethod } from "../domain/method-rules";
import type { PaketInput } from "../paket.schemas";

// Helpers shared by createPaket and updatePaket; not use cases themselves.

/** The statuses in which the PPK may still change a paket: before the tender is announced. */
export const EDITABLE_STATUSES = ["DRAFT", "HANDED_OVER"] as const;

/**
 * Locks the paket row for the rest of the transaction (an edit and a hand-over of the
 * same paket take turns) and checks the permission at the data. Staff of the agency who
 * lack the permission get FORBIDDEN; anyone else NOT_FOUND, so other agencies learn nothing.
 */
export async function lockPaket(tx: Tx, actor: Actor, paketId: string, permission: Permission) {
  const [row] = await tx.$queryRaw<{ agencyId: string }[]>`
    SELECT "agencyId" FROM "Paket" WHERE id = ${paketId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND");
  if (!can(actor, permission, { agencyId: row.agencyId })) {
    throw new AppError(can(actor, "agency.readInternal", { agencyId: row.agencyId }) ? "FORBIDDEN" : "NOT_FOUND");
  }
  return row;
}

/** The work unit (satker) must belong to the agency the paket is made in. */
export async function assertWorkUnitOf(tx: Tx, workUnitId: string, isAllowedAgency: (agencyId: string) => boolean) {
  const unit = await tx.workUnit.findUnique({ where: { id: workUnitId }, select: { agencyId: true } });
  if (!unit || !isAllowedAgency(unit.agencyId)) {
    throw new AppError(
      "VALIDATION",
      "paketWorkUnitInvalid",
      {},
      { workUnitId: ["Satuan kerja tidak ditemukan di K/L/PD Anda."] },
    );
  }
  return unit.agencyId;
}

export async function assertRupCodeFree(tx: Tx, agencyId: string, rupCode: string, exceptPaketId?: string) {
  const taken = await tx.paket.findFirst({
    where: { agencyId, rupCode, id: exceptPaketId ? { not: exceptPaketId } : undefined },
    select: { id: true },
  });
  if (taken) throw rupCodeConflict(rupCode);
}

const rupCodeConflict = (rupCode: string) =>
  new AppError(
    "CONFLICT",
    "paketRupCodeTaken",
    { rupCode },
    { rupCode: [`Kode RUP ${rupCode} sudah dipakai paket lain di K/L/PD ini.`] },
  );

/** Two saves racing past assertRupCodeFree: the unique index decides, the user sees CONFLICT. */
export function asRupCodeConflict(error: unknown, rupCode: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw rupCodeConflict(rupCode);
  throw error;
}

export interface Decided {
  hps: bigint;
  method: ProcurementMethod;
  methodRuleId: string;
}

/**
 * Checks the amounts and decides the method from the rule table in force on the paket's
 * own date (a paket made before a change in the law keeps the old limit).
 */
export async function checkAndDecide(
  tx: Tx,
  input: Pick<PaketInput, "category" | "pagu" | "items">,
  on: Date,
): Promise<Decided> {
  const fieldErrors = checkPaketAmounts(input);
  if (Object.keys(fieldErrors).length > 0) {
    const hps = fieldErrors.hps ? hpsTotal(input.items) : null;
    if (hps === null) throw new AppError("VALIDATION", "VALIDATION", {}, fieldErrors);
    throw new AppError(
      "VALIDATION",
      "paketHpsOverPagu",
      { hps: formatRupiah(hps), pagu: formatRupiah(input.pagu) },
      fieldErrors,
    );
  }
  const hps = hpsTotal(input.items);
  const rules = await tx.methodRule.findMany({
    where: { category: input.category },
    select: {
      id: true,
      effectiveFrom: true,
      category: true,
      method: true,
      limit: true,
      methodAbove: true,
      legalBasis: true,
    },
  });
  const decision = decideMethod(rules, { category: input.category, value: hps, on });
  if (!decision) throw new AppError("INVALID_STATE", "paketMethodRuleMissing");
  return { hps, method: decision.method, methodRuleId: decision.rule.id };
}

export const hpsItemRows = (items: PaketInput["items"]) =>
  items.map((item, position) => ({
    position,
    description: item.description,
    unit: item.unit,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
  }));

/** The scalar fields of a paket as the form sets them, for the row and the audit trail. */
export const paketFields = (input: PaketInput) => ({
  rupCode: input.rupCode,
  name: input.name,
  category: input.category,
  fiscalYear: input.fiscalYear,
  fundingSource: input.fundingSource,
  pagu: input.pagu,
  location: input.location,
  workUnitId: input.workUnitId,
});
