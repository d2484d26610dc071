"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { answerBandingSchema, answerSanggahSchema, fileBandingSchema, fileSanggahSchema } from "./sanggah.schemas";
import { answerSanggah } from "./server/answer-sanggah";
import { answerSanggahBanding } from "./server/answer-sanggah-banding";
import { fileSanggah } from "./server/file-sanggah";
import { fileSanggahBanding } from "./server/file-sanggah-banding";

export const fileSanggahAction = action(fileSanggahSchema, async (input, actor) => {
  const result = await fileSanggah(actor, input);
  revalidatePath(`/penyedia/sanggah/${input.tenderId}`);
  return { id: result.id };
});

export const answerSanggahAction = action(answerSanggahSchema, async (input, actor) => {
  const result = await answerSanggah(actor, input);
  revalidatePath("/pokja/sanggah", "layout");
  return result;
});

export const fileBandingAction = action(fileBandingSchema, async (input, actor) => {
  const result = await fileSanggahBanding(actor, input);
  revalidatePath("/penyedia/sanggah", "layout");
  return { id: result.id, bondAmount: result.bondAmount.toString() };
});

export const answerBandingAction = action(answerBandingSchema, async (input, actor) => {
  const result = await answerSanggahBanding(actor, input);
  revalidatePath("/kpa");
  return result;
});
