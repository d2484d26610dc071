import type { Locale } from "./locales";

// One JSON file per namespace and language, so features can add their words side by side.
const NAMESPACES = [
  "common",
  "errors",
  "auth",
  "home",
  "dashboard",
  "organisation",
  "procurement",
  "announcement",
  "paket",
  "tender",
  "questions",
  "notifications",
  "vendors",
  "bids",
  "opening",
  "remedies",
  "evaluation",
  "transparency",
  "lpse",
  "accessLog",
  "account",
  "security",
  "backup",
  "availability",
  "transfer",
  "openData",
  "search",
  "redFlags",
  "alerts",
  "blacklist",
  "qualification",
  "seleksi",
  "contracts",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
