"use server";

import { action } from "@/server/action";
import { readRequestContext } from "@/server/session";
import {
  acceptInvitationSchema,
  changePasswordSchema,
  requestPasswordResetSchema,
  resendInvitationSchema,
  resetPasswordSchema,
} from "./account.schemas";
import { acceptInvitation } from "./server/accept-invitation";
import { changePassword } from "./server/change-password";
import { resendInvitation } from "./server/invite-user";
import { requestPasswordReset, resetPassword } from "./server/password-reset";

// The links' pages are public: the person is not signed in, the one-use token is the proof.
export const acceptInvitationAction = action(acceptInvitationSchema, (input) => acceptInvitation(input), {
  public: true,
});

export const resetPasswordAction = action(resetPasswordSchema, (input) => resetPassword(input), { public: true });

export const requestPasswordResetAction = action(
  requestPasswordResetSchema,
  async (input) => {
    const { ip, userAgent } = await readRequestContext();
    await requestPasswordReset(input, { ip, userAgent });
  },
  { public: true },
);

/** Every session ends, this one too: the form then sends the person to /masuk. */
export const changePasswordAction = action(changePasswordSchema, (input, actor) => changePassword(actor, input));

/** For the organisation screens: a new invitation for someone who has not set a password yet. */
export const resendInvitationAction = action(resendInvitationSchema, (input, actor) =>
  resendInvitation(actor, input.userId),
);
