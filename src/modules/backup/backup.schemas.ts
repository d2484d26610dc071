import { z } from "zod";

/** The drill button sends nothing: who asks is the session, what runs is the newest set. */
export const requestDrillSchema = z.object({});
