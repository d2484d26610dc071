import "server-only";

// A penunjukan is a tender with one invited vendor: approved after a failure, published by
// tenders, proposed as winner by the award and priced at the agreed price by the SPPBJ.
export { startPenunjukanTender } from "./server/start-penunjukan-tender";
export { invitePenunjukanVendor } from "./server/invite-penunjukan-vendor";
export { assertPenunjukanNegotiated, findAgreedPrice } from "./server/load-penunjukan-run";
