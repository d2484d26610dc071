"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { declareIncident } from "./server/declare-incident";
import { endIncident } from "./server/end-incident";
import { declareIncidentSchema, endIncidentSchema } from "./incident.schemas";

// A declaration is public: the status page shows it as well as /admin/gangguan.
function refresh() {
  revalidatePath("/admin/gangguan");
  revalidatePath("/status");
}

export const declareIncidentAction = action(declareIncidentSchema, async (input, actor) => {
  const result = await declareIncident(actor, input);
  refresh();
  return result;
});

export const endIncidentAction = action(endIncidentSchema, async (input, actor) => {
  const result = await endIncident(actor, input);
  refresh();
  return { endsAt: result.endsAt.toISOString() };
});
