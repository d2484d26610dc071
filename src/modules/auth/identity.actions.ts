"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { oidcSettings } from "@/server/auth/oidc";
import { AppError } from "@/server/errors";
import { linkIdentitySchema, unlinkIdentitySchema } from "./identity.schemas";
import { linkIdentity } from "./server/link-identity";
import { unlinkIdentity } from "./server/unlink-identity";

const PAGE = "/admin/pengguna/identitas";

// The link is made for the provider this LPSE has configured; its issuer comes from the
// settings, never from the form.
export const linkIdentityAction = action(linkIdentitySchema, async (input, actor) => {
  const settings = oidcSettings();
  if (!settings) throw new AppError("INVALID_STATE", "oidcNotConfigured");
  const result = await linkIdentity(actor, { ...input, issuer: settings.issuer });
  revalidatePath(PAGE);
  return result;
});

export const unlinkIdentityAction = action(unlinkIdentitySchema, async (input, actor) => {
  await unlinkIdentity(actor, input);
  revalidatePath(PAGE);
});
