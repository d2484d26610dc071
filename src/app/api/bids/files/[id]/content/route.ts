import { attachmentDisposition } from "@/modules/documents/domain/file-types";
import { readOpenedBidFile } from "@/modules/bids/server/opening/read-opened-bid-file";
import { route, routeId } from "@/server/route";
import { requireActor } from "@/server/session";

// An opened bid file for the Pokja's evaluation. The use case decides who may read it and
// answers 404 for every file before the opening.
export const GET = route(
  "read opened bid file",
  async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const id = routeId((await context.params).id);
    const file = await readOpenedBidFile(await requireActor(), id);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.content.length),
        "Content-Disposition": attachmentDisposition(file.fileName, file.mimeType),
        "X-Content-Commitment": file.commitment,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  },
);
