export {
  OUTAGE_CAUSES,
  OUTAGE_SCOPES,
  PROCESS_ROLES,
  type OutageCause,
  type OutageScope,
  type ProcessRole,
} from "./enums";
export { isUnderMaintenance, periodEnd, windowContaining, type MaintenancePeriod } from "./maintenance";
