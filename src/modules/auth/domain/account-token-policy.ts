/**
 * How long each kind of one-use account link lives. Configuration, not law: NIST SP 800-63B
 * (rev. 4) asks only that recovery codes sent out of band expire and be single use; these
 * figures follow OWASP's Forgot Password Cheat Sheet (a reset link: minutes, not days) and
 * leave an invited civil servant a working week to open their mail.
 */
export const ACCOUNT_TOKEN_KINDS = ["INVITATION", "PASSWORD_RESET", "EMAIL_CONFIRMATION"] as const;
export type AccountTokenKind = (typeof ACCOUNT_TOKEN_KINDS)[number];

export const ACCOUNT_TOKEN_LIFETIME_SECONDS: Record<AccountTokenKind, number> = {
  INVITATION: 7 * 24 * 60 * 60,
  PASSWORD_RESET: 30 * 60,
  EMAIL_CONFIRMATION: 2 * 24 * 60 * 60,
};

/** The page each kind's link opens; the token is the last path segment. */
export const ACCOUNT_TOKEN_PATHS: Record<AccountTokenKind, string> = {
  INVITATION: "/undangan",
  PASSWORD_RESET: "/atur-ulang-kata-sandi",
  EMAIL_CONFIRMATION: "/konfirmasi-email",
};

/**
 * A token is 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. Anything else
 * is refused before it reaches the database (a 10 000-character "token" in a URL included).
 */
export const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * "Lupa kata sandi" limits, configuration, not law: a few links an hour for one address
 * (the owner who lost the first mail may ask again) and more for one IP, where an office
 * shares one address behind NAT.
 */
export const PASSWORD_RESET_LIMITS = {
  perEmail: 3,
  perEmailWindowSeconds: 60 * 60,
  perIp: 20,
  perIpWindowSeconds: 60 * 60,
} as const;
