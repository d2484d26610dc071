import { attachmentDisposition } from "@/modules/documents/domain/file-types";
import { BID_PARTS } from "@/modules/bids/domain";
import { streamOpenedPart } from "@/modules/bids/server/opening/stream-opened-part";
import { AppError } from "@/server/errors";
import { route, routeId } from "@/server/route";
import { requireActor } from "@/server/session";

export const dynamic = "force-dynamic";

// Every opened file of one part (…/bid-files/teknis) as one ZIP, streamed, for the
// tender's Pokja after the opening. The use case decides who may read and audits it.
export const GET = route(
  "download opened bid files",
  async (_request: Request, context: { params: Promise<{ tenderId: string; part: string }> }) => {
    const params = await context.params;
    const tenderId = routeId(params.tenderId);
    const part = BID_PARTS.find((p) => p === params.part.toUpperCase());
    if (!part) throw new AppError("NOT_FOUND");
    const { fileName, stream } = await streamOpenedPart(await requireActor(), tenderId, part);
    return new Response(stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": attachmentDisposition(fileName, "application/zip"),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  },
);
