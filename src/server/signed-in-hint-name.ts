// The signed-in hint's cookie name, here in the platform so the proxy (signed-in-hint-cookie.ts),
// the page cache and the shell's browser code (src/modules/shell/components/signed-in-hint.ts)
// share it without the platform importing a module.
export const SIGNED_IN_HINT = "segel-signed-in";
