import "server-only";

// An addendum loads and names the tender as a question's answer does.
export { TENDER_CONTEXT, tenderRef } from "./server/tender-context";
