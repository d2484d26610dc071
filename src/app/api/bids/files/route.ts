import { uploadQuerySchema } from "@/modules/bids/bid.schemas";
import { uploadBidFile } from "@/modules/bids/server/upload-bid-file";
import { AppError } from "@/server/errors";
import { fileNameHeader, route } from "@/server/route";
import { requireActor } from "@/server/session";

// A bid file streams through here (a server action caps bodies at 1 MB): the body is the
// file, its name in X-File-Name (URI-encoded). The use case checks the caller and the
// stage before reading the body, and encrypts it as it arrives.
export const POST = route("upload bid file", async (request: Request) => {
  const actor = await requireActor();
  const parsed = uploadQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success || !request.body) throw new AppError("VALIDATION");
  const file = await uploadBidFile(actor, { ...parsed.data, fileName: fileNameHeader(request), body: request.body });
  // openProof goes to the uploader only, over this response; the server keeps no copy.
  return Response.json({ ok: true, data: file }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
