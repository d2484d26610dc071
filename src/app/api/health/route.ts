import { db } from "@/server/db";
import { isDraining } from "@/server/drain-state";
import { logger } from "@/server/logger";

// The load balancer's health check (deploy/haproxy/haproxy.cfg.template): 200 while this
// instance can serve, that is while its database answers; 503 once it is draining
// (SIGTERM, docs/decisions/0018), so no new request is sent to an instance about to exit.
export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503, headers });
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers });
  } catch (error) {
    logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      "health check: the database does not answer",
    );
    return Response.json({ status: "database unavailable" }, { status: 503, headers });
  }
}
