"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { applyPrequalificationSchema, fileSanggahPrakualifikasiSchema } from "./seleksi.schemas";
import { applyPrequalification } from "./server/apply-prequalification";
import { fileSanggahPrakualifikasi } from "./server/file-sanggah-prakualifikasi";

const vendorPage = (tenderId: string) => `/penyedia/tender/${tenderId}/prakualifikasi`;

export const applyPrequalificationAction = action(applyPrequalificationSchema, async (input, actor) => {
  const result = await applyPrequalification(actor, input);
  revalidatePath(vendorPage(input.tenderId));
  return { replaced: result.replaced };
});

export const fileSanggahPrakualifikasiAction = action(fileSanggahPrakualifikasiSchema, async (input, actor) => {
  const result = await fileSanggahPrakualifikasi(actor, input);
  revalidatePath(vendorPage(input.tenderId));
  return { id: result.id };
});
