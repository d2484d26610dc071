// The browser's signed-in hint, for the components of other modules that ask /api/me only
// when a session may exist (participation).
export { clearSignedInHint, hasSignedInHint } from "./signed-in-hint";
// Signing out: the account menu's button, also on the second-factor step (/masuk/dua-faktor). It
// lives here, not in auth's components, so the header does not pull that surface's forms into
// every page's first visit (issue 14, page weight).
export { SignOutButton } from "./sign-out-button";
