// /admin/pindah-tender: the source's "mark as moved" form (E) and the receiver's import (F).
export { MarkTransferredForm } from "./mark-transferred-form";
export { ImportTenderSection } from "./import-tender-section";
