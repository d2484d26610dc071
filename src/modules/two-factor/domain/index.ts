// The second factor's figures and code shapes, for the shell and tests of other modules.
export { TOTP_POLICY } from "./totp-policy";
