import type { OAuthConfig } from "next-auth/providers/oauth";

/** next-auth's id for the central provider: its callback is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  /** the issuer identifier, exactly as in its ID tokens' iss claim */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the button's label: "Masuk dengan <name>" */
  name: string;
}

const SETTINGS = ["SEGEL_OIDC_ISSUER", "SEGEL_OIDC_CLIENT_ID", "SEGEL_OIDC_CLIENT_SECRET"] as const;

/**
 * The central sign-in provider (e.g. INAPROC) from the environment, or null when the LPSE
 * has none. Half a configuration is a mistake worth stopping for, not a silent "off".
 */
export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const present = SETTINGS.filter((name) => env[name]?.trim());
  if (present.length === 0) return null;
  const missing = SETTINGS.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(
      `Central sign-in is half configured: set ${missing.join(", ")} as well, or none of ${SETTINGS.join(", ")}.`,
    );
  }
  return {
    issuer: env.SEGEL_OIDC_ISSUER!.trim(),
    clientId: env.SEGEL_OIDC_CLIENT_ID!.trim(),
    clientSecret: env.SEGEL_OIDC_CLIENT_SECRET!.trim(),
    name: env.SEGEL_OIDC_NAME?.trim() || "INAPROC",
  };
}

interface IdTokenClaims {
  iss: string;
  sub: string;
}

/**
 * next-auth's generic OAuth provider set up for OpenID Connect: the endpoints and keys from
 * the issuer's discovery document, the authorization code flow with PKCE, state and nonce
 * (each checked by next-auth against a signed cookie on the way back), and the identity read
 * from the ID token that openid-client has verified (signature, iss, aud, exp, nonce). Only
 * "openid" is asked for: Segel needs the subject, not the person's profile or e-mail.
 */
export function oidcProvider(settings: OidcSettings): OAuthConfig<IdTokenClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (claims) => ({ id: claims.sub }),
  };
}
