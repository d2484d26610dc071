/**
 * The three time zones of Indonesia: WIB, WITA, WIT (Keppres 41/1987). Here, apart from the
 * schemas, so the profile form (a client component) lists them without bundling zod into
 * every page's browser code (the shell's header takes the logo from the same surface).
 */
export const LPSE_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
