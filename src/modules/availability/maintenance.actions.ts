"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { maintenanceIdSchema, scheduleMaintenanceSchema } from "./maintenance.schemas";
import { cancelMaintenance } from "./server/cancel-maintenance";
import { endMaintenanceEarly } from "./server/end-maintenance";
import { scheduleMaintenance } from "./server/schedule-maintenance";

// The administrator's own maintenance actions run during a window: ending it early is
// how the portal is opened again (docs/decisions/0040).
const duringMaintenance = { duringMaintenance: true } as const;

export const scheduleMaintenanceAction = action(
  scheduleMaintenanceSchema,
  async (input, actor) => {
    const result = await scheduleMaintenance(actor, input);
    revalidatePath("/", "layout");
    return result;
  },
  duringMaintenance,
);

export const cancelMaintenanceAction = action(
  maintenanceIdSchema,
  async (input, actor) => {
    const result = await cancelMaintenance(actor, input);
    revalidatePath("/", "layout");
    return result;
  },
  duringMaintenance,
);

export const endMaintenanceAction = action(
  maintenanceIdSchema,
  async (input, actor) => {
    const result = await endMaintenanceEarly(actor, input);
    revalidatePath("/", "layout");
    return result;
  },
  duringMaintenance,
);
