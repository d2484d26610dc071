import "server-only";

// Registering for a tender and the Tender Cepat qualification read the vendor's standing.
export { assertVendorVerified } from "./server/assert-vendor-verified";
export { ownVendorId } from "./server/own-vendor";
export { findVerifiedProfiles } from "./server/verified-profile";
