import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, type Locale } from "@/i18n/locales";
import { parseRedFlagFilter } from "@/modules/red-flags/red-flags.schemas";
import { exportRedFlags, RED_FLAG_CSV_HEADER, redFlagCsvLine } from "@/modules/red-flags/server/export-red-flags";
import { route } from "@/server/route";

export const dynamic = "force-dynamic";

async function requestLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : "id";
  } catch {
    return "id";
  }
}

/**
 * Public: the raised red flags, newest first, 1,000 a page (`next` / Link rel="next"),
 * filtered like /tanda-bahaya by ?code=, ?agency=, ?year=; ?format=csv for a spreadsheet.
 * A wrong filter is a 400 that names it, in the reader's language.
 */
export const GET = route("red flags export", async (request: Request) => {
  const url = new URL(request.url);
  const locale = await requestLocale();
  const parsed = parseRedFlagFilter(url.searchParams);
  const format = url.searchParams.get("format") ?? "json";
  const wrong = [...(parsed.ok ? [] : parsed.fields), ...(["json", "csv"].includes(format) ? [] : ["format"])];
  if (!parsed.ok || wrong.length) {
    const t = await getTranslations({ locale, namespace: "redFlags.filterErrors" });
    const fieldErrors = Object.fromEntries(wrong.map((f) => [f, [t(f as "code")]]));
    return Response.json(
      { ok: false, code: "VALIDATION", message: wrong.map((f) => t(f as "code")).join(" "), fieldErrors },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const { items, next } = await exportRedFlags(parsed.filter, locale, url);
  const headers: Record<string, string> = { "Cache-Control": "public, max-age=60" };
  if (next) headers.Link = `<${next}>; rel="next"`;
  if (format === "csv")
    return new Response([RED_FLAG_CSV_HEADER, ...items.map(redFlagCsvLine)].join("\r\n") + "\r\n", {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="tanda-bahaya.csv"',
      },
    });
  return Response.json({ redFlags: items, links: { next } }, { headers });
});
