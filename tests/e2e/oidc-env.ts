/**
 * The OpenID Connect provider the end-to-end server runs beside Segel (tests/e2e/oidc-provider.ts):
 * a real, certified implementation (oidc-provider) standing in for INAPROC. On 127.0.0.1, not
 * localhost, so its cookies are another site's, as a real provider's would be.
 */
export const OIDC_E2E_PORT = Number(process.env.OIDC_E2E_PORT ?? 3190);
export const OIDC_E2E_ISSUER = `http://127.0.0.1:${OIDC_E2E_PORT}`;
export const OIDC_E2E_CLIENT_ID = "segel-e2e";
export const OIDC_E2E_CLIENT_SECRET = "segel-e2e-oidc-secret-not-for-production";
export const OIDC_E2E_NAME = "INAPROC";
