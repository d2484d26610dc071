import { describe, expect, it } from "vitest";
import { oidcProvider, oidcSettings } from "./oidc";

const full = {
  SEGEL_OIDC_ISSUER: "https://sso.inaproc.id/",
  SEGEL_OIDC_CLIENT_ID: "lpse-contoh",
  SEGEL_OIDC_CLIENT_SECRET: "rahasia",
};

describe("oidcSettings", () => {
  it("is off when nothing is set", () => expect(oidcSettings({})).toBeNull());

  it("reads the three settings and names the button INAPROC unless told otherwise", () => {
    expect(oidcSettings(full)).toEqual({
      issuer: "https://sso.inaproc.id/",
      clientId: "lpse-contoh",
      clientSecret: "rahasia",
      name: "INAPROC",
    });
    expect(oidcSettings({ ...full, SEGEL_OIDC_NAME: "SSO Provinsi" })?.name).toBe("SSO Provinsi");
  });

  it("refuses half a configuration, naming what is missing", () => {
    expect(() => oidcSettings({ SEGEL_OIDC_ISSUER: "https://sso.inaproc.id" })).toThrow(
      /SEGEL_OIDC_CLIENT_ID, SEGEL_OIDC_CLIENT_SECRET/,
    );
  });
});

describe("oidcProvider", () => {
  it("is OpenID Connect with PKCE, state and nonce, reading only the ID token's subject", () => {
    const provider = oidcProvider(oidcSettings(full)!);
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://sso.inaproc.id/.well-known/openid-configuration",
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid" } },
    });
    expect(provider.profile({ iss: "https://sso.inaproc.id/", sub: "1987" }, {})).toEqual({ id: "1987" });
  });
});
