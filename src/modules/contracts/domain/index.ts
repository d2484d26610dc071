export {
  BOND_BASES,
  CONTRACT_STATUSES,
  PAYMENT_MODES,
  type BondBasis,
  type ContractStatus,
  type PaymentMode,
} from "./contract-enums";
export { PERFORMANCE_BOND_RULES, bondRuleOn, performanceBond, type Bond, type BondRule } from "./bond-rules";
export {
  TERMIN_LIMITS,
  addMonths,
  monthlyPlan,
  monthsIn,
  planTermins,
  terminAmounts,
  type PlannedTermin,
  type TerminIssue,
  type TerminShare,
} from "./termin-plan";
export {
  CONTRACT_PERIOD_LIMITS,
  contractNumber,
  contractStep,
  periodIssue,
  spmkNumber,
  stepRefusal,
  type ContractStep,
  type PeriodIssue,
} from "./contract-rules";
export {
  ADDENDUM_RULE,
  RATING_ASPECTS,
  RATING_SCALE,
  maxAmendedValue,
  progressNeeded,
  type RatingAspect,
} from "./execution-rules";
// select shapes several readers share (the contract page and PDFs; the execution panel and open-data)
export { ADDENDA_IN_ORDER, CONTRACT_TERM_FIELDS } from "./contract-fields";
export { isDireksi, signatoryRefusal, type Mandate } from "./signatory";
export {
  TERMINATION_GROUNDS,
  TERMINATION_GROUND_LABELS,
  bondToClaim,
  isVendorFault,
  type TerminationGround,
} from "./termination-grounds";
