import { z } from "zod";
import { DocumentKind } from "@/generated/prisma/enums";
import { uploadDocument } from "@/modules/documents/server/upload-document";
import { AppError } from "@/server/errors";
import { fileNameHeader, route } from "@/server/route";
import { requireActor } from "@/server/session";

// Uploads stream through here, not through a server action (1 MB body limit there):
// the body is the file itself, the name in X-File-Name (URI-encoded).
const query = z.union([
  z.object({ paketId: z.uuid(), kind: z.enum(DocumentKind) }),
  z.object({ tenderId: z.uuid(), kind: z.enum(DocumentKind) }),
  z.object({ nonTenderRecordId: z.uuid(), kind: z.enum(DocumentKind) }),
  z.object({ vendorId: z.uuid(), kind: z.enum(DocumentKind) }),
  z.object({ sanggahId: z.uuid(), kind: z.enum(DocumentKind) }),
]);

export const POST = route("upload document", async (request: Request) => {
  const actor = await requireActor();
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success || !request.body) throw new AppError("VALIDATION");
  const { kind, ...target } = parsed.data;
  const document = await uploadDocument(actor, {
    target,
    kind,
    fileName: fileNameHeader(request),
    body: request.body,
  });
  return Response.json({ ok: true, data: { ...document, sizeBytes: Number(document.sizeBytes) } }, { status: 201 });
});
