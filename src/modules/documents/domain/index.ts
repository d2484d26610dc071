// Sealed bid files are documents too: the same accepted types and file-name cleaning.
export { cleanFileName, DOCUMENT_TYPES, isAcceptedDocumentType } from "./file-types";
