/**
 * next-auth hands the browser only the message of an error thrown in `authorize`, as the
 * `error` query parameter. We put the AppError's code, message key and values there as
 * JSON, so the sign-in form can show the message in the reader's language. Only keys in
 * SIGN_IN_MESSAGE_KEYS are shown; anything else becomes the generic message.
 */
export const SIGN_IN_MESSAGE_KEYS = [
  "badCredentials",
  "signInPaused",
  "ipLocked",
  "signInBusy",
  "accountDisabled",
  "unlinkedIdentity",
  "oidcFailed",
  "VALIDATION",
  "unexpected",
] as const;
export type SignInMessageKey = (typeof SIGN_IN_MESSAGE_KEYS)[number];

export interface SignInFailure {
  code: string;
  messageKey: SignInMessageKey;
  values: Record<string, string | number>;
}

/**
 * The plain codes next-auth itself puts in ?error= when the central sign-in fails on its side:
 * the provider was unreachable, or the answer failed a check (state, PKCE, nonce, the ID
 * token's signature or audience). One message for all: the details are in the server log.
 */
const PROVIDER_ERRORS = ["OAuthSignin", "OAuthCallback", "Callback", "AccessDenied", "Configuration", "Signin"];

export const encodeSignInFailure = (failure: SignInFailure): string => JSON.stringify(failure);

export function decodeSignInFailure(raw: string | null | undefined): SignInFailure {
  const fallback: SignInFailure = { code: "UNEXPECTED", messageKey: "unexpected", values: { ref: "-" } };
  if (!raw) return fallback;
  if (PROVIDER_ERRORS.includes(raw)) return { code: "UNAUTHENTICATED", messageKey: "oidcFailed", values: {} };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return fallback;
    const { code, messageKey, values } = parsed as Record<string, unknown>;
    if (typeof code !== "string" || !SIGN_IN_MESSAGE_KEYS.includes(messageKey as SignInMessageKey)) return fallback;
    const safeValues: Record<string, string | number> = {};
    if (typeof values === "object" && values !== null) {
      for (const [key, value] of Object.entries(values)) {
        if (typeof value === "string" || typeof value === "number") safeValues[key] = value;
      }
    }
    return { code, messageKey: messageKey as SignInMessageKey, values: safeValues };
  } catch {
    return fallback;
  }
}
