// The domain's own unions of the evaluation stages and invitation kinds (held to Prisma's enums
// in src/server/domain-enums.ts).
export { INVITATION_KINDS } from "./invitation";
export { REOPENABLE_STAGES } from "./reopening";
export type { EvaluationStage } from "./evaluation-rules";
// The award reads the evaluation's outcome and shares its reason lengths and reserve count.
export { REASON_MAX_LENGTH, REASON_MIN_LENGTH, RESERVE_COUNT } from "./evaluation-rules";
export { isAboveHps } from "./price-rules";
export { evaluationOutcome, toDecisions } from "./stage-progress";
// A seleksi's pembuktian is its prakualifikasi (issue 15 gap): the award reads the one rule.
export { pembuktianOf } from "./pembuktian";
export { NEGOTIATION_OUTCOMES, type NegotiationOutcome } from "./negotiation-outcome";
// Seleksi: the two-file opening reads the technical order and the grade (issue 15).
export {
  CONSULTANCY_METHODS,
  isConsultancyMethod,
  isTechnicalScored,
  passesTechnicalGrade,
  technicalOrder,
  type TechnicalCandidate,
} from "./consultancy";
