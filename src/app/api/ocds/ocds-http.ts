import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, type Locale } from "@/i18n/locales";
import type { PackageMeta } from "@/modules/open-data/domain/packages";
import { findOcdsPublisher } from "@/modules/open-data/server/find-ocds-publisher";

// What the public OCDS routes share: the language of an error, its 400/404 answer, the
// JSON answer with its cache header, and the package's addresses and publisher.

/** Public data, the same for everyone: any cache in between may keep it this long (configuration, not law). */
export const OCDS_CACHE_SECONDS = 60;

/** ?lang=en|id first (a re-user's script has no cookie), then the language cookie, then Indonesian. */
async function ocdsLocale(request: Request): Promise<Locale> {
  const asked = new URL(request.url).searchParams.get("lang");
  if (isLocale(asked)) return asked;
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : "id";
  } catch {
    return "id";
  }
}

/**
 * Bad input (400) or an ocid never published (404): JSON with the code and a sentence in
 * the reader's language, never cached by anyone in between.
 */
export async function refuse(
  request: Request,
  status: 400 | 404,
  key: string,
  values: Record<string, string | number> = {},
): Promise<Response> {
  const t = await getTranslations({ locale: await ocdsLocale(request), namespace: "openData" });
  return Response.json(
    {
      ok: false,
      code: status === 400 ? "VALIDATION" : "NOT_FOUND",
      message: t(`api.${key}` as never, values as never),
    },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

export function ocdsJson(body: unknown, init: { maxAge?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": `public, max-age=${init.maxAge ?? OCDS_CACHE_SECONDS}`,
      "Access-Control-Allow-Origin": "*",
      ...init.headers,
    },
  });
}

/** A path segment as text: Next may hand it still percent-encoded; malformed encoding is no ocid (a 400). */
export function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The portal's public address (NEXTAUTH_URL, as in e-mail links), else the one this request reached. */
export function publicOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  return (configured ? configured : new URL(request.url).origin).replace(/\/$/, "");
}

/** The package's own address (this path and query on the public origin), its publisher and policy. */
export async function packageMeta(request: Request): Promise<PackageMeta> {
  const origin = publicOrigin(request);
  const url = new URL(request.url);
  const publisher = await findOcdsPublisher();
  return {
    uri: `${origin}${url.pathname}${url.search}`,
    publisher: { name: publisher.name, uri: origin },
    publicationPolicy: `${origin}/data-terbuka`,
  };
}
