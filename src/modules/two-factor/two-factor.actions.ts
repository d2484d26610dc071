"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { codeSchema, noInputSchema, resetTotpSchema, staffTotpSettingSchema } from "./two-factor.schemas";
import { confirmTotpEnrolment, startTotpEnrolment } from "./server/enrol-totp";
import { disableTotp, regenerateRecoveryCodes } from "./server/manage-totp";
import { passSecondFactor } from "./server/pass-second-factor";
import { resetUserTotp } from "./server/reset-totp";
import { setStaffTotpRequirement } from "./server/staff-totp-setting";

// The sign-in's second step and enrolment serve a session whose sign-in is unfinished;
// signing in works during a maintenance window too (docs/decisions/0040).
const pendingSignIn = { pendingSignIn: true, duringMaintenance: true } as const;

export const passSecondFactorAction = action(
  codeSchema,
  (input, actor) => passSecondFactor(actor, input),
  pendingSignIn,
);

export const startTotpEnrolmentAction = action(
  noInputSchema,
  async (_input, actor) => {
    await startTotpEnrolment(actor);
    revalidatePath("/akun/dua-faktor");
  },
  pendingSignIn,
);

export const confirmTotpEnrolmentAction = action(
  codeSchema,
  (input, actor) => confirmTotpEnrolment(actor, input),
  pendingSignIn,
);

export const regenerateRecoveryCodesAction = action(codeSchema, (input, actor) =>
  regenerateRecoveryCodes(actor, input),
);

export const disableTotpAction = action(codeSchema, async (input, actor) => {
  await disableTotp(actor, input);
  revalidatePath("/akun/dua-faktor");
});

export const resetUserTotpAction = action(resetTotpSchema, async (input, actor) => {
  await resetUserTotp(actor, input);
  revalidatePath("/admin/pengguna");
});

export const setStaffTotpRequirementAction = action(staffTotpSettingSchema, async (input, actor) => {
  await setStaffTotpRequirement(actor, input);
  revalidatePath("/admin/keamanan");
});
