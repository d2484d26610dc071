export { RED_FLAG_CODES, type RedFlagCode } from "./codes";
export {
  RED_FLAG_DEFAULTS,
  RED_FLAG_DEFINITIONS,
  RED_FLAG_SOURCES,
  definitionOf,
  type RedFlagDefinition,
  type RedFlagSourceId,
  type RedFlagThresholds,
} from "./flags";
export { evaluateRedFlags, type RaisedFlag, type RedFlagFacts } from "./evaluate";
export { detailValues, thresholdValues } from "./detail-values";
export { csvLine } from "./csv";
