import "server-only";
import type { ProcurementMethod } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit";
import { can, type Actor } from "@/modules/auth/domain";
import { db, dbNow } from "@/server/db";
import { AppError } from "@/server/errors";
import type { PaketInput } from "../paket.schemas";
import {
  asRupCodeConflict,
  assertRupCodeFree,
  assertWorkUnitOf,
  checkAndDecide,
  hpsItemRows,
  paketFields,
} from "./paket-write";

/**
 * The PPK creates a paket from a RUP entry. The agency is the work unit's; the HPS total
 * and the method are decided here, never taken from the browser.
 */
export async function createPaket(
  actor: Actor,
  input: PaketInput,
): Promise<{ id: string; hps: bigint; method: ProcurementMethod }> {
  if (!can(actor, "paket.create")) throw new AppError("FORBIDDEN");
  return db
    .$transaction(async (tx) => {
      const agencyId = await assertWorkUnitOf(tx, input.workUnitId, (id) =>
        can(actor, "paket.create", { agencyId: id }),
      );
      // The paket's date is the database's; the rules in force on it decide the method.
      const createdAt = await dbNow(tx);
      const decided = await checkAndDecide(tx, input, createdAt);
      await assertRupCodeFree(tx, agencyId, input.rupCode);
      const fields = paketFields(input);
      const paket = await tx.paket.create({
        data: {
          ...fields,
          ...decided,
          agencyId,
          createdAt,
          createdById: actor.userId,
          hpsItems: { create: hpsItemRows(input.items) },
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "paket.created",
        entityType: "Paket",
        entityId: paket.id,
        data: { ...fields, ...decided, agencyId, hpsItems: input.items.length },
      });
      return { id: paket.id, hps: decided.hps, method: decided.method };
    })
    .catch((error: unknown) => asRupCodeConflict(error, input.rupCode));
}
