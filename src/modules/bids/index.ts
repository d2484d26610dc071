import "server-only";

// Publishing a tender makes its opening key, sealed to the Pokja in shares (docs/decisions/0005).
export { createOpeningKey } from "./server/keys/create-opening-key";
// The instance key signs receipts here and the audit log's tree heads; its subkeys key the audit MACs.
export { getInstanceKey } from "./server/keys/instance-key";
export { getInstanceSubkey } from "./server/keys/instance-subkey";
