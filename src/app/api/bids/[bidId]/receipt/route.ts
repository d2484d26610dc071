import { getBidReceipt } from "@/modules/bids/server/get-vendor-bid-view";
import { route, routeId } from "@/server/route";
import { requireActor } from "@/server/session";

/** The vendor's signed receipt as a JSON file (verify it at /verifikasi-tanda-terima or offline). */
export const GET = route(
  "download bid receipt",
  async (_request: Request, context: { params: Promise<{ bidId: string }> }) => {
    const actor = await requireActor();
    const bidId = routeId((await context.params).bidId);
    const signed = await getBidReceipt(actor, bidId);
    const name = `tanda-terima-${signed.receipt.tenderCode}-${bidId.slice(0, 8)}.json`.replace(/[^\w.-]/g, "_");
    return new Response(JSON.stringify(signed, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
