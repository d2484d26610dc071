import { getRegistrationState } from "@/modules/participation/server/get-registration-state";
import { route, routeId } from "@/server/route";
import { getActor } from "@/server/session";

export const dynamic = "force-dynamic";

/** What the shared announcement page offers this visitor for the tender: register, registered, closed. */
export const GET = route(
  "registration",
  async (_request: Request, { params }: { params: Promise<{ tenderId: string }> }) => {
    const tenderId = routeId((await params).tenderId);
    const registration = await getRegistrationState(await getActor(), tenderId);
    return Response.json({ registration }, { headers: { "Cache-Control": "private, no-store" } });
  },
);
