import { z } from "zod";

/** No ids: every unread message of the user. A form sends one id as a string, several as an array. */
export const markReadSchema = z.object({
  ids: z
    .union([z.uuid(), z.array(z.uuid()).max(200)])
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat())),
});

export type MarkReadInput = z.infer<typeof markReadSchema>;
