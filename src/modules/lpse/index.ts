import "server-only";

// The LPSE's name, address, contact, logo and time zone, shown by the shell, e-mails and PDFs.
export { getLpseProfile, getLpseProfileForEdit, readLpseProfile } from "./server/get-lpse-profile";
export type { LpseProfile } from "./server/get-lpse-profile";
export { findLpseLogo } from "./server/set-lpse-logo";
// the berita acara (PDF) of the opening and of the result carry the LPSE's letterhead
export { getLpseLetterhead } from "./server/get-lpse-letterhead";
// the shell's header shows the logo (a server component): through this surface, not components/index.ts,
// whose profile forms would otherwise ride in every page's browser code
export { LpseLogo } from "./components/lpse-logo";
