import { handleUploadRequest } from "@/modules/bids/server/resumable/handle-upload-request";
import { route } from "@/server/route";
import { requireActor } from "@/server/session";

// Resumable bid file uploads: the tus protocol (POST creates, HEAD tells the offset, PATCH
// appends a chunk, DELETE abandons). The signed-in actor is read before anything else; the
// use case checks the tender, the stage and the upload's owner before tus sees a byte.
async function tus(request: Request): Promise<Response> {
  return handleUploadRequest(request, await requireActor());
}

export const POST = route("bid upload", tus);
export const PATCH = route("bid upload", tus);
export const HEAD = route("bid upload", tus);
export const DELETE = route("bid upload", tus);
