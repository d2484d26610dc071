import "server-only";

// The source side of a move to another LPSE (docs/decisions/0040): the admin's bundle download and "mark as moved".
export { exportTenderForAdmin } from "./server/export-tender";
export { markTenderTransferred } from "./server/mark-transferred";

// The receiving side (F): the admin's upload of a bundle, and the agencies it may go to.
export { importUploadedBundle, listImportAgencies } from "./server/import-upload";
