"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import {
  addPersonSchema,
  agencySchema,
  changeAgencySchema,
  changePokjaMembersSchema,
  changeWorkUnitSchema,
  formPokjaSchema,
  grantRoleSchema,
  pejabatPengadaanSchema,
  revokeRoleSchema,
  workUnitSchema,
} from "./organisation.schemas";
import { addPerson } from "./server/add-person";
import { changeAgency } from "./server/change-agency";
import { changeWorkUnit } from "./server/change-work-unit";
import { createAgency } from "./server/create-agency";
import { createWorkUnit } from "./server/create-work-unit";
import { grantRole } from "./server/grant-role";
import { revokeRole } from "./server/revoke-role";
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

// Agencies, work units and roles (decision 0032): the pages that list them are revalidated.
const ORGANISATION_PAGES = ["/admin/instansi", "/admin/organisasi", "/admin/pokja", "/admin/pengguna"];
const revalidateOrganisation = () => ORGANISATION_PAGES.forEach((page) => revalidatePath(page));

export const createAgencyAction = action(agencySchema, async (input, actor) => {
  const agency = await createAgency(actor, input);
  revalidateOrganisation();
  return agency;
});

export const changeAgencyAction = action(changeAgencySchema, async (input, actor) => {
  await changeAgency(actor, input);
  revalidateOrganisation();
});

export const createWorkUnitAction = action(workUnitSchema, async (input, actor) => {
  const unit = await createWorkUnit(actor, input);
  revalidateOrganisation();
  return unit;
});

export const changeWorkUnitAction = action(changeWorkUnitSchema, async (input, actor) => {
  await changeWorkUnit(actor, input);
  revalidateOrganisation();
});

export const addPersonAction = action(addPersonSchema, async (input, actor) => {
  const { invited } = await addPerson(actor, input);
  revalidateOrganisation();
  return { invited };
});

export const grantRoleAction = action(grantRoleSchema, async (input, actor) => {
  await grantRole(actor, input);
  revalidateOrganisation();
});

export const revokeRoleAction = action(revokeRoleSchema, async (input, actor) => {
  await revokeRole(actor, input);
  revalidateOrganisation();
});
