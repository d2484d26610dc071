import { z } from "zod";

// A <select> left empty sends "": that means "not chosen".
const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional());

/** Exactly one target: a Pokja Pemilihan (tender, seleksi) or a Pejabat Pengadaan (pengadaan langsung). */
export const handOverSchema = z.object({
  paketId: z.uuid(),
  pokjaId: optionalId,
  pejabatPengadaanId: optionalId,
});

export type HandOverInput = z.output<typeof handOverSchema>;
