// The vendors module's components other modules and routes render.
export { RegisterVendorInvite } from "./register-vendor-invite";
