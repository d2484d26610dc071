// The hand-over checks the HPS against the pagu once more.
export { isHpsWithinPagu } from "./hps";
