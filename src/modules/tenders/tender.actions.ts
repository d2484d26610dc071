"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import { changeStageSchedule } from "./server/change-stage-schedule";
import { chooseTenderMethod } from "./server/choose-tender-method";
import { publishTender } from "./server/publish-tender";
import { setTenderSchedule } from "./server/set-tender-schedule";
import { updateProcedureMinimums } from "./server/update-procedure-minimums";
import { updateTenderRequirements } from "./server/update-tender-requirements";
import { updateTenderSetup } from "./server/update-tender-setup";
import {
  changeStageScheduleSchema,
  chooseTenderMethodSchema,
  publishTenderSchema,
  setTenderScheduleSchema,
  updateProcedureMinimumsSchema,
  updateTenderRequirementsSchema,
  updateTenderSetupSchema,
} from "./tender.schemas";

export const updateTenderSetupAction = action(updateTenderSetupSchema, (input, actor) =>
  updateTenderSetup(actor, input),
);
export const updateTenderRequirementsAction = action(updateTenderRequirementsSchema, (input, actor) =>
  updateTenderRequirements(actor, input),
);
export const chooseTenderMethodAction = action(chooseTenderMethodSchema, (input, actor) =>
  chooseTenderMethod(actor, input),
);
export const setTenderScheduleAction = action(setTenderScheduleSchema, (input, actor) =>
  setTenderSchedule(actor, input),
);
export const publishTenderAction = action(publishTenderSchema, (input, actor) => publishTender(actor, input));
export const changeStageScheduleAction = action(changeStageScheduleSchema, (input, actor) =>
  changeStageSchedule(actor, input),
);
export const updateProcedureMinimumsAction = action(updateProcedureMinimumsSchema, async (input, actor) => {
  const result = await updateProcedureMinimums(actor, input);
  revalidatePath("/admin/prosedur");
  return result;
});
