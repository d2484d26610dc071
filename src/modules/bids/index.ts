import "server-only";

// Publishing a tender makes its opening key, sealed to the Pokja in shares (docs/decisions/0005).
export { createOpeningKey } from "./server/keys/create-opening-key";

// The tender import (transfer module) re-binds each bid file's upload-time proof under this
// instance's key and writes the sealed files under their store keys.
export { signProvenFile } from "./server/staged-file-proof";
export { sealedKey } from "./server/sealed-file-store";
// Two envelopes, KUALITAS: the evaluation's negotiation opens the next-ranked bid's price
// after a failed negotiation (docs/decisions/0042).
export { openNextPrice } from "./server/price-opening/open-next-price";
