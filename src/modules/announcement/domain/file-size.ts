const UNITS = ["B", "KB", "MB", "GB"] as const;
const INTL_LOCALE = { id: "id-ID", en: "en-GB" } as const;

/**
 * "2,4 MB" (id) or "2.4 MB" (en), in steps of 1024. A vendor on a slow connection
 * decides from this whether to download now.
 */
export function formatFileSize(bytes: bigint, locale: "id" | "en" = "id"): string {
  // Files are far below 2^53 bytes, so a number is exact enough for display.
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const text = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits }).format(value);
  return `${text} ${UNITS[unit]}`;
}

/** The first characters of a SHA-256, enough to tell files apart at a glance. */
export const shortHash = (sha256: string) => `${sha256.slice(0, 12)}…`;
