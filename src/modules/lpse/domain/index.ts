export { LPSE_TIME_ZONES } from "./time-zones";
