"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/server/action";
import { requestArrivalMark } from "@/server/received-at";
import {
  approveOpeningSchema,
  discardFileSchema,
  openingKeySchema,
  submitBidSchema,
  tenderRefSchema,
} from "./bid.schemas";
import { discardStagedFile } from "./server/discard-staged-file";
import { verifyReceiptHere } from "./server/receipt-keys";
import { setOpeningKey } from "./server/keys/set-opening-key";
import { approveOpening } from "./server/opening/approve-opening";
import { approvePriceOpening } from "./server/price-opening/approve-price-opening";
import { findOpenedFiles } from "./server/opening/find-opened-files";
import { submitBid } from "./server/submit-bid";
import { withdrawBid } from "./server/withdraw-bid";

const bidPage = (tenderId: string) => revalidatePath(`/penyedia/penawaran/${tenderId}`);

export const submitBidAction = action(submitBidSchema, async (input, actor) => {
  const result = await submitBid(actor, input, await requestArrivalMark());
  bidPage(input.tenderId);
  return {
    bidId: result.bidId,
    receivedAt: result.receivedAt?.toISOString() ?? null,
    submittedAt: result.submittedAt.toISOString(),
  };
});

export const withdrawBidAction = action(tenderRefSchema, async (input, actor) => {
  await withdrawBid(actor, input);
  bidPage(input.tenderId);
});

export const discardStagedFileAction = action(
  discardFileSchema.extend({ tenderId: z.uuid() }),
  async (input, actor) => {
    await discardStagedFile(actor, input);
    bidPage(input.tenderId);
  },
);

/** Anyone may check a receipt; it runs on the server with the instance's public key (or a trusted LPSE's). */
export const verifyReceiptAction = action(
  z.object({ receipt: z.string().min(2).max(200_000) }),
  async (input) => {
    // this instance's key, or the key of the LPSE the receipt's tender moved from (decision 0040)
    const result = await verifyReceiptHere(input.receipt);
    if (!result.valid) return { valid: false as const, reason: result.reason };
    // Only a genuine receipt asks, and only after the opening is anything told (decision 0005).
    return {
      valid: true as const,
      receipt: result.receipt,
      signedBy: result.signedBy,
      openedFiles: await findOpenedFiles(result.receipt.bidId),
    };
  },
  // a read: it works during maintenance
  { public: true, duringMaintenance: true },
);

export const setOpeningKeyAction = action(openingKeySchema, async (input, actor) => {
  const result = await setOpeningKey(actor, input);
  revalidatePath("/akun/kunci-pembukaan");
  return { changed: result.changed };
});

export const approveOpeningAction = action(approveOpeningSchema, async (input, actor) => {
  const result = await approveOpening(actor, input);
  revalidatePath(`/pokja/pembukaan/${input.tenderId}`);
  return result;
});

export const approvePriceOpeningAction = action(approveOpeningSchema, async (input, actor) => {
  const result = await approvePriceOpening(actor, input);
  revalidatePath(`/pokja/pembukaan/${input.tenderId}`);
  return result;
});
