export { OCDS_PROCESS_KINDS, type OcdsProcessKind, type TenderChangeTrigger } from "./triggers";
