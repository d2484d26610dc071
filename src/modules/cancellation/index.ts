import "server-only";

// Who may upload and read a cancellation's letters, for the documents module.
export { authorizeCancellationDocument } from "./server/cancellation-documents";
