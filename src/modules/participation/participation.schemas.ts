import { z } from "zod";

export const registerForTenderSchema = z.object({ tenderId: z.uuid() });
