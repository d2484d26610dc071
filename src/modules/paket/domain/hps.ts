import { formatRupiah } from "@/lib/money";
import { RUPIAH_CEILING } from "@/lib/rupiah-schema";

/** One line of the owner's estimate (HPS): volume × harga satuan. */
export interface HpsLine {
  description: string;
  unit: string;
  quantity: number;
  unitPrice: bigint;
}

/** HpsItem.quantity is an INTEGER column. */
export const MAX_QUANTITY = 2_147_483_647;
export const MAX_HPS_LINES = 500;

/** HPS total: the sum of quantity × unit price, in bigint so totals beyond 2^53 stay exact. */
export function hpsTotal(items: readonly Pick<HpsLine, "quantity" | "unitPrice">[]): bigint {
  return items.reduce((sum, item) => sum + BigInt(item.quantity) * item.unitPrice, 0n);
}

/** HPS may not exceed pagu: the estimate is made within the budget ceiling. Equal is allowed. */
export function isHpsWithinPagu(hps: bigint, pagu: bigint): boolean {
  return hps <= pagu;
}

export type FieldErrors = Record<string, string[]>;

/**
 * The amount rules of a paket, with messages in Indonesian (the language of the
 * procurement documents). Field names match the form: pagu, items, items.N.quantity,
 * items.N.unitPrice, hps. Empty when everything holds.
 */
export function checkPaketAmounts(input: { pagu: bigint; items: readonly HpsLine[] }): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (input.pagu <= 0n) add("pagu", "Pagu harus lebih dari Rp0.");
  if (input.pagu > RUPIAH_CEILING) add("pagu", `Pagu paling besar ${formatRupiah(RUPIAH_CEILING)}.`);
  if (input.items.length === 0) add("items", "Isi paling sedikit satu baris HPS.");
  if (input.items.length > MAX_HPS_LINES) add("items", `Paling banyak ${MAX_HPS_LINES} baris HPS.`);
  input.items.forEach((item, i) => {
    if (!item.description.trim()) add(`items.${i}.description`, "Uraian wajib diisi.");
    if (!item.unit.trim()) add(`items.${i}.unit`, "Satuan wajib diisi.");
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > MAX_QUANTITY) {
      add(`items.${i}.quantity`, "Volume harus bilangan bulat, paling sedikit 1.");
    }
    if (item.unitPrice < 0n) add(`items.${i}.unitPrice`, "Harga satuan tidak boleh negatif.");
    // The line total (volume x harga satuan) is an amount too, bounded like every rupiah.
    else if (Number.isInteger(item.quantity) && BigInt(item.quantity) * item.unitPrice > RUPIAH_CEILING)
      add(`items.${i}.unitPrice`, `Jumlah baris paling besar ${formatRupiah(RUPIAH_CEILING)}.`);
  });
  if (Object.keys(errors).length > 0) return errors;
  const hps = hpsTotal(input.items);
  if (hps > RUPIAH_CEILING) {
    add("items", `Jumlah HPS ${formatRupiah(hps)} melebihi batas ${formatRupiah(RUPIAH_CEILING)}.`);
    return errors;
  }
  // PostgreSQL holds it too (Paket_hps_rupiah): a price is judged against a positive HPS
  if (hps === 0n) {
    add("items", "Jumlah HPS harus lebih dari Rp0.");
    return errors;
  }
  if (!isHpsWithinPagu(hps, input.pagu)) {
    add("hps", `HPS ${formatRupiah(hps)} melebihi pagu ${formatRupiah(input.pagu)}. HPS tidak boleh melebihi pagu.`);
  }
  return errors;
}
