"use server";

// The Pokja's prakualifikasi actions, apart from the vendor's (seleksi.actions.ts), so the Pokja's
// forms reach none of the vendor's qualification form.
import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import {
  answerSanggahPrakualifikasiSchema,
  concludePrequalificationSchema,
  decidePrequalificationSchema,
} from "./seleksi.schemas";
import { answerSanggahPrakualifikasi } from "./server/answer-sanggah-prakualifikasi";
import { concludePrequalification } from "./server/conclude-prequalification";
import { decidePrequalification } from "./server/decide-prequalification";

const pokjaPage = (tenderId: string) => `/pokja/tender/${tenderId}/prakualifikasi`;

export const decidePrequalificationAction = action(decidePrequalificationSchema, async (input, actor) => {
  const result = await decidePrequalification(actor, input);
  revalidatePath("/pokja/tender", "layout");
  return { passed: result.passed };
});

export const concludePrequalificationAction = action(concludePrequalificationSchema, async (input, actor) => {
  const result = await concludePrequalification(actor, input);
  revalidatePath(pokjaPage(input.tenderId));
  return { outcome: result.outcome };
});

export const answerSanggahPrakualifikasiAction = action(answerSanggahPrakualifikasiSchema, async (input, actor) => {
  const result = await answerSanggahPrakualifikasi(actor, input);
  revalidatePath("/pokja/tender", "layout");
  return { decision: result.decision };
});
