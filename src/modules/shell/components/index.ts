// The browser's signed-in hint, for the components of other modules that sign out (auth) or
// ask /api/me only when a session may exist (participation).
export { clearSignedInHint, hasSignedInHint } from "./signed-in-hint";
