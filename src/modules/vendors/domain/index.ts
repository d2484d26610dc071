// A tender's KBLI requirement is parsed as a vendor's KBLI list is; the SPPBJ prints the NPWP.
export { parseKbliList } from "./business-ids";
export { formatNpwp } from "./npwp";
