import type { ReadableStream as WebStream } from "node:stream/web";
import { isUuid } from "@/lib/ids";
import { importUploadedBundle } from "@/modules/transfer";
import { AppError } from "@/server/errors";
import { route } from "@/server/route";
import { getActor } from "@/server/session";

/**
 * A tender bundle from another LPSE (docs/decisions/0040): the body is the tar itself,
 * streamed to a temporary file; the agency and the source key's fingerprint come in
 * headers. ADMIN_LPSE only (checked in the use case); every refusal is a 422 with its message.
 */
export const POST = route("import tender bundle", async (request: Request) => {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const agencyId = request.headers.get("x-agency-id") ?? "";
  const expectedFingerprint = (request.headers.get("x-source-key") ?? "").trim().toLowerCase();
  if (!isUuid(agencyId)) throw new AppError("VALIDATION", "tenderImport.agencyNotFound", { agency: agencyId || "-" });
  if (!/^sha256:[0-9a-f]{64}$/.test(expectedFingerprint))
    throw new AppError("VALIDATION", "tenderImport.fingerprintFormat");
  const result = await importUploadedBundle(actor, request.body as WebStream<Uint8Array> | null, {
    agencyId,
    expectedFingerprint,
  });
  return Response.json({ ok: true, data: result }, { headers: { "Cache-Control": "no-store" } });
});
