import { z } from "zod";

/** What a Pokja member may add to one compensation: configuration, not law (a month at most). */
export const ADDITION_HOURS = { min: 1, max: 720 } as const;
export const ADDITION_REASON = { min: 20, max: 2000 } as const;

// Whole hours only, never 0 or less: an addition cannot take time back (issue 13).
const hoursMessage = { message: "compensationHoursRange" };
const hours = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? Number(v.trim()) : v),
  z.number(hoursMessage).int(hoursMessage).min(ADDITION_HOURS.min, hoursMessage).max(ADDITION_HOURS.max, hoursMessage),
);

export const addToCompensationSchema = z.object({
  compensationId: z.uuid(),
  hours,
  reason: z
    .string()
    .trim()
    .min(ADDITION_REASON.min, { message: "compensationReasonLength" })
    .max(ADDITION_REASON.max, { message: "compensationReasonLength" }),
});

export type AddToCompensationInput = z.infer<typeof addToCompensationSchema>;
