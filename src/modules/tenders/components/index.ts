// The cancellation's letters upload like a tender's documents; the vendor's dashboard lists open tenders.
export { DocumentUpload } from "./document-upload";
export { PublicTenderTable } from "./public-tender-table";
