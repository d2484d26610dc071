// The availability module's parts that pages under src/app use.
export { MaintenanceForm } from "./maintenance-form";
export { MaintenanceWindowButton } from "./maintenance-window-button";
export { EndIncidentForm } from "./end-incident-form";
export { IncidentForm } from "./incident-form";
