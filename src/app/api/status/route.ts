import { getStatus } from "@/modules/availability/server/get-status";
import { statusToJson } from "@/modules/availability/server/status-json";

// /status as JSON for monitoring systems (docs/decisions/0040): the same read as the page, a
// stable shape (src/modules/availability/server/status-json.ts). Public and the same for
// everyone, so any cache in between may keep it 15 seconds.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return Response.json(statusToJson(await getStatus()), {
    headers: { "Cache-Control": "public, max-age=15" },
  });
}
