// The award reads the evaluation's outcome and shares its reason lengths and reserve count.
export { REASON_MAX_LENGTH, REASON_MIN_LENGTH, RESERVE_COUNT } from "./evaluation-rules";
export { isAboveHps } from "./price-rules";
export { evaluationOutcome, toDecisions } from "./stage-progress";
