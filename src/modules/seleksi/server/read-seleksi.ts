import "server-only";
import { db, dbNow, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { readSeleksiTender, type SeleksiTender } from "./seleksi-context";

export const SANGGAH = {
  id: true,
  vendorId: true,
  body: true,
  filedAt: true,
  answer: true,
  answeredAt: true,
  decision: true,
} as const;

/** A seleksi's state for a page, ended ones too (no lock: pages read, use cases decide again). */
export async function readSeleksi(tenderId: string) {
  return db.$transaction(async (tx: Tx) => {
    const tender = await readSeleksiTender(tx, tenderId);
    if (tender.status === "DRAFT") throw new AppError("NOT_FOUND");
    if (!tender.procedure.hasPrakualifikasi) throw new AppError("INVALID_STATE", "seleksi.notSeleksi");
    return { tender, now: await dbNow(tx) };
  });
}

export const windowOf = (tender: SeleksiTender, kind: string) => tender.stages.find((s) => s.kind === kind) ?? null;
