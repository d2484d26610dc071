import { z } from "zod";
import { MAINTENANCE_DESCRIPTION_MAX } from "./domain/maintenance-rules";

// The form sends instants with their offset (converted from the LPSE's zone in the browser);
// the length and notice rules are the use case's, so a bad window gets every problem at once.
const instant = z.iso.datetime({ offset: true, message: "invalidDateTime" }).transform((s) => new Date(s));

export const scheduleMaintenanceSchema = z.object({
  startsAt: instant,
  endsAt: instant,
  description: z.string().max(MAINTENANCE_DESCRIPTION_MAX + 100),
});
export type ScheduleMaintenanceInput = z.infer<typeof scheduleMaintenanceSchema>;

export const maintenanceIdSchema = z.object({ maintenanceId: z.uuid() });
export type MaintenanceIdInput = z.infer<typeof maintenanceIdSchema>;
