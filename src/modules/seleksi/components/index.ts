// The prakualifikasi forms: the vendor's and the Pokja's (separate files, so each route ships only its messages).
export { ApplyPrequalificationForm, FileSanggahPrakualifikasiForm } from "./vendor-forms";
export { AnswerSanggahPrakualifikasiForm, ConcludePrequalificationForm, DecideApplicationForm } from "./pokja-forms";
