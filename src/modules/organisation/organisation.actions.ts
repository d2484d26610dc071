"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { changePokjaMembersSchema, formPokjaSchema, pejabatPengadaanSchema } from "./organisation.schemas";
import { appointPejabatPengadaan } from "./server/appoint-pejabat-pengadaan";
import { changePokjaMembers } from "./server/change-pokja-members";
import { formPokja } from "./server/form-pokja";
import { revokePejabatPengadaan } from "./server/revoke-pejabat-pengadaan";

const PAGE = "/admin/pokja";

export const formPokjaAction = action(formPokjaSchema, async (input, actor) => {
  const pokja = await formPokja(actor, input);
  revalidatePath(PAGE);
  return pokja;
});

export const changePokjaMembersAction = action(changePokjaMembersSchema, async (input, actor) => {
  await changePokjaMembers(actor, input);
  revalidatePath(PAGE);
});

export const appointPejabatPengadaanAction = action(pejabatPengadaanSchema, async (input, actor) => {
  await appointPejabatPengadaan(actor, input);
  revalidatePath(PAGE);
});

export const revokePejabatPengadaanAction = action(pejabatPengadaanSchema, async (input, actor) => {
  await revokePejabatPengadaan(actor, input);
  revalidatePath(PAGE);
});
