"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/server/action";
import { readRequestContext } from "@/server/session";
import { addProfileEntry } from "./server/add-profile-entry";
import { addVendorUser } from "./server/add-vendor-user";
import { confirmEmail, resendEmailConfirmation } from "./server/email-confirmation";
import { registerVendor } from "./server/register-vendor";
import { rejectVendor } from "./server/reject-vendor";
import { removeProfileEntry } from "./server/remove-profile-entry";
import { submitVendor } from "./server/submit-vendor";
import { updateCompany } from "./server/update-company";
import { verifyVendor } from "./server/verify-vendor";
import {
  companySchema,
  profileEntrySchema,
  registerVendorSchema,
  rejectVendorSchema,
  removeEntrySchema,
  vendorIdSchema,
  vendorUserSchema,
  emailConfirmationSchema,
} from "./vendors.schemas";

export const registerVendorAction = action(
  registerVendorSchema,
  async (input, actor) => {
    const { ip, userAgent } = await readRequestContext();
    return registerVendor(actor, input, { ip, userAgent });
  },
  { public: true },
);

export const updateCompanyAction = action(companySchema, async (input, actor) => {
  const result = await updateCompany(actor, input);
  revalidatePath("/penyedia/profil");
  return result;
});

export const addProfileEntryAction = action(profileEntrySchema, async (input, actor) => {
  const result = await addProfileEntry(actor, input);
  revalidatePath("/penyedia/profil");
  return result;
});

export const removeProfileEntryAction = action(removeEntrySchema, async (input, actor) => {
  const result = await removeProfileEntry(actor, input);
  revalidatePath("/penyedia/profil");
  return result;
});

export const submitVendorAction = action(z.object({}), async (_input, actor) => {
  const result = await submitVendor(actor);
  revalidatePath("/penyedia/profil");
  return result;
});

export const addVendorUserAction = action(vendorUserSchema, async (input, actor) => {
  const result = await addVendorUser(actor, input);
  revalidatePath("/penyedia/pengguna");
  return result;
});

export const verifyVendorAction = action(vendorIdSchema, async (input, actor) => {
  const result = await verifyVendor(actor, input);
  revalidatePath("/verifikasi", "layout");
  return result;
});

export const rejectVendorAction = action(rejectVendorSchema, async (input, actor) => {
  const result = await rejectVendor(actor, input);
  revalidatePath("/verifikasi", "layout");
  return result;
});

/** Public: the link in the mail is the proof; nobody need be signed in. */
export const confirmEmailAction = action(emailConfirmationSchema, async (input) => confirmEmail(input), {
  public: true,
});

export const resendEmailConfirmationAction = action(z.object({}), async (_input, actor) => {
  await resendEmailConfirmation(actor);
  return {};
});
