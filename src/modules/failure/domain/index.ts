// A cancellation's reason has the same length bounds as a failure's.
export { REASON_MAX, REASON_MIN } from "./failure-rules";
