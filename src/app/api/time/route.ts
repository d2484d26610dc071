import { dbNow } from "@/server/db";

// The database clock that decides every deadline (docs/decisions/0006), for the browser's
// countdown to measure itself against. Never cached: a stale answer would move the clock.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const now = await dbNow();
  return Response.json({ now: now.toISOString() }, { headers: { "Cache-Control": "no-store" } });
}
