// A real OpenID Connect provider for the journeys (oidc-provider, OpenID Certified), not a
// mock: discovery, signed ID tokens, PKCE, state and nonce all as INAPROC would do them. Its
// development login page accepts any login as the subject (`sub`), which is what the journeys
// need: the identity is the provider's business, the link to a Segel account is Segel's.
import type { Server } from "node:http";
import Provider from "oidc-provider";
import { OIDC_E2E_CLIENT_ID, OIDC_E2E_CLIENT_SECRET, OIDC_E2E_ISSUER, OIDC_E2E_PORT } from "./oidc-env";

export async function startOidcProvider(appOrigin: string): Promise<{ close: () => Promise<void> }> {
  const provider = new Provider(OIDC_E2E_ISSUER, {
    clients: [
      {
        client_id: OIDC_E2E_CLIENT_ID,
        client_secret: OIDC_E2E_CLIENT_SECRET,
        redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    // Refuse any authorization request without PKCE, so the journey proves Segel sends it.
    pkce: { required: () => true },
    cookies: { keys: ["e2e-oidc-cookie-key-not-for-production"] },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(OIDC_E2E_PORT, "127.0.0.1", () => resolve(listening));
  });
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}
