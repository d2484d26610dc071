import "server-only";

// The hand-over locks the paket it hands over.
export { lockPaket } from "./server/paket-write";
