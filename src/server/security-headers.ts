// The security headers every response carries (docs/decisions/0010-security-headers.md).
// No "server-only" here: next.config.ts reads the fixed set too, at build time.

/** Headers that never change: static files, pages and API routes all get them (next.config.ts). */
export const FIXED_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors in the CSP does the same for browsers that read it; this is for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The portal uses none of these; an injected script or a framed page gets none either.
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer",
      "browsing-topics",
      "camera",
      "display-capture",
      "geolocation",
      "gyroscope",
      "hid",
      "magnetometer",
      "microphone",
      "midi",
      "payment",
      "serial",
      "usb",
    ]
      .map((feature) => `${feature}=()`)
      .join(", "),
  },
];

/**
 * API answers are JSON and file downloads, never pages: nothing in them may run or load,
 * even if a browser were made to render a stored file inline.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** One year, with subdomains: OWASP's HSTS recommendation (and hstspreload.org's minimum). */
const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Whether the portal is served over HTTPS, decided by its configured public address
 * (NEXTAUTH_URL), not by a request header a client could set. Behind a TLS-terminating
 * proxy the operator sets NEXTAUTH_URL to the https:// address people use.
 */
export function isServedOverHttps(publicUrl = process.env.NEXTAUTH_URL): boolean {
  return (publicUrl ?? "").trim().toLowerCase().startsWith("https://");
}

/** 128 random bits, base64: a fresh one for every page request. */
export function makeNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export interface PolicyOptions {
  nonce: string;
  isHttps: boolean;
  /** `next dev` needs eval (React's error overlays) and inline styles (its overlay) */
  isDev: boolean;
}

/**
 * The page CSP. Scripts run only with this request's nonce; Next adds it to its own
 * scripts when it finds it in the request's CSP header, and 'strict-dynamic' lets those
 * load the page's chunks. Everything else comes from this origin only.
 */
export function contentSecurityPolicy({ nonce, isHttps, isDev }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${isDev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // over plain http (a laptop, the test server) upgrading would break every request
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers a page answer carries besides the fixed ones: its CSP, and HSTS over HTTPS. */
export function pageSecurityHeaders(options: PolicyOptions): {
  "Content-Security-Policy": string;
  "Strict-Transport-Security"?: string;
} {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...(options.isHttps ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
