import "server-only";

// The file store's backup: each durable object copied once to files/<area>/<id> (the worker's
// tick, and a bid's acknowledgement for its sealed files).
export { copyStoreObject, copyNewStoreObjects, DURABLE_AREAS } from "./server/store-copy";
