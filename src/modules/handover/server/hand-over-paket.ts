import "server-only";
import type { ProcurementCategory, ProcurementMethod } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/modules/audit";
import type { Actor } from "@/modules/auth/domain";
import { isHpsWithinPagu } from "@/modules/paket/domain";
import { lockPaket } from "@/modules/paket";
import { procedureFor } from "@/modules/tenders/domain";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { handOverTargetFor } from "../domain/handover-rules";
import type { HandOverInput } from "../handover.schemas";
import { assertPejabatPengadaan, assertPokja } from "./handover-targets";
import { takeTenderCode } from "./next-tender-code";

type Result = { tender: { id: string; code: string } | null; pejabatPengadaanId: string | null };

/**
 * The PPK hands a finished paket to whoever runs the selection: a Pokja Pemilihan of the
 * same agency (a Tender is created, still DRAFT), or a Pejabat Pengadaan for pengadaan
 * langsung. Once only: the paket leaves DRAFT.
 */
export async function handOverPaket(actor: Actor, input: HandOverInput): Promise<Result> {
  return db.$transaction(async (tx) => {
    const { agencyId } = await lockPaket(tx, actor, input.paketId, "paket.handOver");
    const paket = await tx.paket.findUniqueOrThrow({
      where: { id: input.paketId },
      select: {
        status: true,
        method: true,
        category: true,
        fiscalYear: true,
        pagu: true,
        hps: true,
        _count: { select: { documents: { where: { kind: "KAK" } } } },
      },
    });
    if (paket.status !== "DRAFT") throw new AppError("INVALID_STATE", "handOverNotDraft");
    if (paket.hps === null || !isHpsWithinPagu(paket.hps, paket.pagu))
      throw new AppError("VALIDATION", "handOverNeedsHps");
    // The Pokja prepares the selection documents from the KAK (Perpres 16/2018 Pasal 11).
    if (paket._count.documents === 0) throw new AppError("VALIDATION", "handOverNeedsKak");

    const target = handOverTargetFor(paket.method);
    if (target === null) throw new AppError("VALIDATION", "handOverMethodNotSupported");
    const now = await dbNow(tx);
    let result: Result;
    if (target === "POKJA") {
      if (!input.pokjaId)
        throw new AppError(
          "VALIDATION",
          "handOverNeedsPokja",
          {},
          { pokjaId: ["Paket tender/seleksi diserahkan kepada Pokja Pemilihan, bukan Pejabat Pengadaan."] },
        );
      await assertPokja(tx, input.pokjaId, agencyId);
      result = {
        tender: await createTender(tx, {
          ...paket,
          method: paket.method!,
          paketId: input.paketId,
          pokjaId: input.pokjaId,
        }),
        pejabatPengadaanId: null,
      };
    } else {
      if (!input.pejabatPengadaanId)
        throw new AppError(
          "VALIDATION",
          "handOverNeedsPejabat",
          {},
          {
            pejabatPengadaanId: [
              "Paket pengadaan langsung diserahkan kepada Pejabat Pengadaan, bukan Pokja Pemilihan.",
            ],
          },
        );
      await assertPejabatPengadaan(tx, input.pejabatPengadaanId, agencyId);
      result = { tender: null, pejabatPengadaanId: input.pejabatPengadaanId };
    }
    await tx.paket.update({
      where: { id: input.paketId },
      data: { status: "HANDED_OVER", handedOverAt: now, pejabatPengadaanId: result.pejabatPengadaanId },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "paket.handedOver",
      entityType: "Paket",
      entityId: input.paketId,
      data: {
        method: paket.method,
        pokjaId: input.pokjaId ?? null,
        pejabatPengadaanId: result.pejabatPengadaanId,
        tenderId: result.tender?.id ?? null,
        tenderCode: result.tender?.code ?? null,
      },
    });
    return result;
  });
}

/** The Tender the Pokja will set up: the paket's method, and the procedure for it as data. */
async function createTender(
  tx: Tx,
  paket: {
    paketId: string;
    pokjaId: string;
    method: ProcurementMethod;
    category: ProcurementCategory;
    fiscalYear: number;
  },
) {
  const procedures = await tx.procedureConfig.findMany({ select: { id: true, method: true, categories: true } });
  const procedure = procedureFor(procedures, paket.method, paket.category);
  if (!procedure) throw new AppError("INVALID_STATE", "handOverProcedureMissing");
  const code = await takeTenderCode(tx, paket.fiscalYear);
  return tx.tender.create({
    data: { paketId: paket.paketId, code, method: paket.method, pokjaId: paket.pokjaId, procedureId: procedure.id },
    select: { id: true, code: true },
  });
}
