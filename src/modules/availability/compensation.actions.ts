"use server";

import { action } from "@/server/action";
import { addToCompensationSchema } from "./compensation.schemas";
import { addToCompensation } from "./server/add-to-compensation";

export const addToCompensationAction = action(addToCompensationSchema, (input, actor) =>
  addToCompensation(actor, input),
);
