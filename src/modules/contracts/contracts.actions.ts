"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/server/action";
import {
  contractIdSchema,
  draftContractSchema,
  issueSpmkSchema,
  requestContractChangeSchema,
  updateContractSchema,
} from "./contracts.schemas";
import { draftContract } from "./server/draft-contract";
import { issueSpmk } from "./server/issue-spmk";
import { requestContractChange } from "./server/request-contract-change";
import { sendContract } from "./server/send-contract";
import { signContractAsPpk } from "./server/sign-contract-as-ppk";
import { signContractAsVendor } from "./server/sign-contract-as-vendor";
import { updateContract } from "./server/update-contract";

const refresh = (contractId: string) => {
  revalidatePath(`/ppk/kontrak/${contractId}`);
  revalidatePath(`/penyedia/kontrak/${contractId}`);
};

export const draftContractAction = action(draftContractSchema, (input, actor) => draftContract(actor, input));
export const updateContractAction = action(updateContractSchema, async (input, actor) => {
  const result = await updateContract(actor, input);
  refresh(input.contractId);
  return result;
});
export const sendContractAction = action(contractIdSchema, async (input, actor) => {
  const result = await sendContract(actor, input);
  refresh(input.contractId);
  return result;
});
export const requestContractChangeAction = action(requestContractChangeSchema, async (input, actor) => {
  const result = await requestContractChange(actor, input);
  refresh(input.contractId);
  return result;
});
export const signContractAsVendorAction = action(contractIdSchema, async (input, actor) => {
  const result = await signContractAsVendor(actor, input);
  refresh(input.contractId);
  return result;
});
export const signContractAsPpkAction = action(contractIdSchema, async (input, actor) => {
  const result = await signContractAsPpk(actor, input);
  refresh(input.contractId);
  return result;
});
export const issueSpmkAction = action(issueSpmkSchema, async (input, actor) => {
  const result = await issueSpmk(actor, input);
  refresh(input.contractId);
  return result;
});
