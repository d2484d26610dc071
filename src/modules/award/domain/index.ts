// The public result table shows a winner's NPWP masked, as the announcement does.
export { maskNpwp } from "./mask-npwp";
