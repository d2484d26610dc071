"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import {
  amendContractSchema,
  rateVendorSchema,
  recordBastSchema,
  recordPaymentSchema,
  reportProgressSchema,
  terminateContractSchema,
} from "./execution.schemas";
import { amendContract } from "./server/amend-contract";
import { rateVendor } from "./server/rate-vendor";
import { recordBast } from "./server/record-bast";
import { recordPayment } from "./server/record-payment";
import { reportProgress } from "./server/report-progress";
import { terminateContract } from "./server/terminate-contract";

// The contract's pages of both sides and the public tender page show the execution.
const refresh = () => revalidatePath("/", "layout");

export const reportProgressAction = action(reportProgressSchema, async (input, actor) => {
  const { percent } = await reportProgress(actor, input);
  refresh();
  return { percent };
});

export const recordBastAction = action(recordBastSchema, async (input, actor) => {
  const { completed } = await recordBast(actor, input);
  refresh();
  return { completed };
});

export const recordPaymentAction = action(recordPaymentSchema, async (input, actor) => {
  const { amount } = await recordPayment(actor, input);
  refresh();
  return { amount: amount.toString() };
});

export const amendContractAction = action(amendContractSchema, async (input, actor) => {
  const { number } = await amendContract(actor, input);
  refresh();
  return { number };
});

export const terminateContractAction = action(terminateContractSchema, async (input, actor) => {
  await terminateContract(actor, input);
  refresh();
  return {};
});

export const rateVendorAction = action(rateVendorSchema, async (input, actor) => {
  await rateVendor(actor, input);
  refresh();
  return {};
});
