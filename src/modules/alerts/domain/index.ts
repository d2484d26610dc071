export { ALERT_FREQUENCIES, type AlertFrequency } from "./frequency";
