// The red-flags module's parts that pages under src/app use.
export { TenderRedFlags } from "./tender-red-flags";
export { RedFlagDefinitions } from "./red-flag-definitions";
export { RedFlagList } from "./red-flag-list";
