import { z } from "zod";

export const issueSppbjSchema = z.object({ tenderId: z.uuid() });
export type IssueSppbjInput = z.infer<typeof issueSppbjSchema>;
