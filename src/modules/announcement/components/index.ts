// The notice a tender page shows once the tender has ended (failed, cancelled, completed).
export { TenderEndedNotice } from "./tender-ended-notice";
