export {
  OUTAGE_CAUSES,
  OUTAGE_SCOPES,
  PROCESS_ROLES,
  type OutageCause,
  type OutageScope,
  type ProcessRole,
} from "./enums";
export { isUnderMaintenance, periodEnd, windowContaining, type MaintenancePeriod } from "./maintenance";
// the tenders and addenda modules refuse or move deadlines inside an announced window
export {
  endOutsideWindows,
  guardedEndInWindow,
  MAINTENANCE_BANNER_DAYS,
  MAINTENANCE_GUARDED_STAGES,
  MAINTENANCE_MAX_HOURS,
} from "./maintenance-rules";
// the ledger's length of an outage, shown by /admin/gangguan and /status
export { durationParts } from "./duration";
