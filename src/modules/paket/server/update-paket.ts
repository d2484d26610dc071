import "server-only";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { changedFields } from "../domain/paket-changes";
import type { UpdatePaketInput } from "../paket.schemas";
import {
  asRupCodeConflict,
  assertRupCodeFree,
  assertWorkUnitOf,
  checkAndDecide,
  EDITABLE_STATUSES,
  hpsItemRows,
  lockPaket,
  paketFields,
} from "./paket-write";

const itemsKey = (items: { description: string; unit: string; quantity: number; unitPrice: bigint }[]) =>
  JSON.stringify(items.map((i) => [i.description, i.unit, i.quantity, i.unitPrice.toString()]));

/**
 * The PPK edits a paket until its tender is announced. The method is decided again on the
 * paket's own creation date, so a later change in the law does not move an older paket.
 */
export async function updatePaket(actor: Actor, input: UpdatePaketInput): Promise<{ changed: string[] }> {
  const { paketId, ...values } = input;
  return db
    .$transaction(async (tx) => {
      const { agencyId } = await lockPaket(tx, actor, paketId, "paket.edit");
      const paket = await tx.paket.findUniqueOrThrow({
        where: { id: paketId },
        select: {
          status: true,
          createdAt: true,
          rupCode: true,
          name: true,
          category: true,
          fiscalYear: true,
          fundingSource: true,
          pagu: true,
          hps: true,
          location: true,
          workUnitId: true,
          method: true,
          methodRuleId: true,
          hpsItems: {
            orderBy: { position: "asc" },
            select: { description: true, unit: true, quantity: true, unitPrice: true },
          },
        },
      });
      if (!(EDITABLE_STATUSES as readonly string[]).includes(paket.status))
        throw new AppError("INVALID_STATE", "paketLocked");
      await assertWorkUnitOf(tx, values.workUnitId, (id) => id === agencyId);
      const decided = await checkAndDecide(tx, values, paket.createdAt);
      // The hand-over chose a Pokja or a Pejabat Pengadaan for the old method; a new
      // method needs a new hand-over, which the PPK cannot undo here.
      if (paket.status === "HANDED_OVER" && decided.method !== paket.method)
        throw new AppError("INVALID_STATE", "paketMethodChangeAfterHandOver");
      if (values.rupCode !== paket.rupCode) await assertRupCodeFree(tx, agencyId, values.rupCode, paketId);

      const changes = changedFields(paket, { ...paketFields(values), ...decided });
      const itemsChanged = itemsKey(paket.hpsItems) !== itemsKey(values.items);
      if (itemsChanged) changes.hpsItems = { from: paket.hpsItems.length, to: values.items.length };
      if (Object.keys(changes).length === 0) return { changed: [] };

      await tx.paket.update({ where: { id: paketId }, data: { ...paketFields(values), ...decided } });
      if (itemsChanged) {
        await tx.hpsItem.deleteMany({ where: { paketId } });
        await tx.hpsItem.createMany({ data: hpsItemRows(values.items).map((row) => ({ ...row, paketId })) });
      }
      await recordAuditEvent(tx, {
        actor,
        action: "paket.updated",
        entityType: "Paket",
        entityId: paketId,
        data: { changes },
      });
      return { changed: Object.keys(changes) };
    })
    .catch((error: unknown) => asRupCodeConflict(error, values.rupCode));
}
