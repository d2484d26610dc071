import { Readable } from "node:stream";
import { findLpseLogo } from "@/modules/lpse";
import { AppError } from "@/server/errors";
import { route } from "@/server/route";
import { openStored } from "@/server/storage";

// The LPSE's logo, public like the header that shows it. Its address carries the file's
// SHA-256, so a new logo has a new address and this one may be kept for a year unchanged.
export const GET = route("lpse logo", async (_request: Request, context: { params: Promise<{ sha256: string }> }) => {
  const logo = await findLpseLogo((await context.params).sha256);
  if (!logo) throw new AppError("NOT_FOUND");
  const body = Readable.toWeb(openStored(logo.storageKey)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "Content-Type": logo.mime,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
});
