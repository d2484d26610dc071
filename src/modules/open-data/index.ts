import "server-only";

// What a change of a tender publishes (docs/decisions/0041): called by the lifecycle's one writer and the addendum.
export { tenderChanged } from "./server/tender-changed";
