import "server-only";

// e-Kontrak (docs/decisions/0042): the contract after the SPPBJ. contractChanged publishes a
// change of a signed contract (called by every use case that changes one, H's included).
export { contractChanged } from "./server/contract-changed";
