import { z } from "zod";
import { OUTAGE_SCOPES } from "./domain/enums";
import { INCIDENT_DESCRIPTION_MAX, INCIDENT_DESCRIPTION_MIN } from "./domain/incident";

// Messages are keys of errors.json. The form turns the times typed in the LPSE's zone into
// instants with an offset (src/lib/zoned-time.ts), as the schedule forms do.
const instant = z.iso.datetime({ offset: true, message: "incident.timeInvalid" }).transform((s) => new Date(s));
const optionalInstant = z
  .union([z.literal("").transform(() => null), instant])
  .nullable()
  .default(null);

export const declareIncidentSchema = z.object({
  scope: z.enum(OUTAGE_SCOPES, { message: "incident.scopeInvalid" }),
  startsAt: instant,
  /** empty: the incident is still going on */
  endsAt: optionalInstant,
  description: z
    .string({ message: "incident.descriptionLength" })
    .trim()
    .min(INCIDENT_DESCRIPTION_MIN, { message: "incident.descriptionLength" })
    .max(INCIDENT_DESCRIPTION_MAX, { message: "incident.descriptionLength" }),
});
export type DeclareIncidentInput = z.infer<typeof declareIncidentSchema>;

export const endIncidentSchema = z.object({
  outageId: z.uuid(),
  /** empty: it ends now (the database clock) */
  endsAt: optionalInstant,
});
export type EndIncidentInput = z.infer<typeof endIncidentSchema>;
