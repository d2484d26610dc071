// What other modules use of the availability module (docs/decisions/0040). Each part adds
// only the names another module imports.
export {};
// the write gate (src/server/maintenance-gate.ts), the banner, and the schedule rules of the
// tenders and addenda modules read the announced maintenance windows
export {
  findAnnouncedWindows,
  findMaintenanceState,
  forgetMaintenanceState,
  type MaintenanceState,
  type MaintenanceWindowView,
} from "./server/find-maintenance";
export { deadlineAfterMaintenance, refuseDeadlinesInMaintenance } from "./server/maintenance-deadlines";
