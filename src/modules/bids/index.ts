import "server-only";

// Publishing a tender makes its opening key, sealed to the Pokja in shares (docs/decisions/0005).
export { createOpeningKey } from "./server/keys/create-opening-key";
