export {
  CONTRACT_CHANGE_TRIGGERS,
  OCDS_PROCESS_KINDS,
  type ContractChangeTrigger,
  type OcdsProcessKind,
  type TenderChangeTrigger,
} from "./triggers";
export type {
  AwardStatus,
  ContractStatus,
  MilestoneStatus,
  OcdsAddress,
  OcdsAmendment,
  OcdsAward,
  OcdsBidStatistic,
  OcdsBids,
  OcdsContract,
  OcdsDocument,
  OcdsIdentifier,
  OcdsMilestone,
  OcdsParty,
  OcdsPeriod,
  OcdsRelatedProcess,
  OcdsRelease,
  OcdsReleasePackage,
  OcdsTender,
  OcdsValue,
  OrganizationReference,
  PartyRole,
  ProcurementCategory,
  ProcurementMethod,
  ReleaseTag,
  TenderStatus,
} from "./release-types";
// The ocids and the mapping of Segel's words to OCDS codes.
export { OCID_PREFIX_PATTERN, ocidFor, releaseIdFor, type OcdsProcess } from "./ocid";
export {
  backfillTagsFor,
  CATEGORY_MAPPING,
  METHOD_MAPPING,
  NON_TENDER_MAPPING,
  releaseTagsFor,
  TENDER_STATUS_MAPPING,
} from "./mappings";
// The builders: a release from a process's public snapshot.
export {
  buildTenderRelease,
  type ReleaseMeta,
  type SnapshotDocument,
  type TenderSnapshot,
} from "./build-tender-release";
export {
  buildDirectProcurementRelease,
  buildNonTenderRelease,
  DIRECT_PROCUREMENT_TAGS,
  NON_TENDER_TAGS,
  type DirectProcurementSnapshot,
  type DirectProcurementStage,
  type NonTenderSnapshot,
} from "./build-other-releases";
export { sameReleaseContent } from "./same-release";
