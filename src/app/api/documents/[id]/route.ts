import { Readable } from "node:stream";
import { attachmentDisposition } from "@/modules/documents/domain/file-types";
import { getDocumentForDownload } from "@/modules/documents/server/get-document-for-download";
import { route, routeId } from "@/server/route";
import { getActor } from "@/server/session";
import { openStored } from "@/server/storage";

export const GET = route(
  "download document",
  async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const id = routeId((await context.params).id);
    const document = await getDocumentForDownload(await getActor(), id);
    const body = Readable.toWeb(openStored(document.storageKey)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "Content-Type": document.mimeType,
        "Content-Length": String(document.sizeBytes),
        "Content-Disposition": attachmentDisposition(document.fileName, document.mimeType),
        // lets anyone compare the download with the hash shown on the page
        "X-Content-SHA256": document.sha256,
        "Cache-Control": document.isPublic ? "public, max-age=300" : "private, no-store",
      },
    });
  },
);
