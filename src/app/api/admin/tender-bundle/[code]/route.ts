import { Readable } from "node:stream";
import { isSafeText } from "@/lib/safe-text";
import { exportTenderForAdmin } from "@/modules/transfer";
import { AppError } from "@/server/errors";
import { route } from "@/server/route";
import { getActor } from "@/server/session";

/**
 * The tender's transfer bundle (docs/decisions/0040), streamed from the file store as it is
 * written: ADMIN_LPSE only, checked in the use case. The manifest's hash is in a header so
 * the administrator can compare it with the one the receiving LPSE reads.
 */
export const GET = route(
  "download tender bundle",
  async (_request: Request, context: { params: Promise<{ code: string }> }) => {
    const code = (await context.params).code;
    if (code.length > 64 || !isSafeText(code)) throw new AppError("NOT_FOUND");
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED");
    const bundle = await exportTenderForAdmin(actor, code);
    return new Response(Readable.toWeb(bundle.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/x-tar",
        "Content-Disposition": `attachment; filename="${bundle.fileName}"`,
        "X-Manifest-SHA256": bundle.manifestSha256,
        "Cache-Control": "private, no-store",
      },
    });
  },
);
