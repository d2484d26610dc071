import { isOcid } from "@/modules/open-data/domain/feed-cursor";
import { recordPackage } from "@/modules/open-data/domain/packages";
import { findOcidRecord } from "@/modules/open-data/server/find-ocid-releases";
import { route } from "@/server/route";
import { ocdsJson, packageMeta, refuse, segment } from "../../ocds-http";

export const dynamic = "force-dynamic";

/** Public: the record package of one ocid: its releases embedded and the compiled release (docs/decisions/0041). */
export const GET = route("ocds record", async (request: Request, { params }: { params: Promise<{ ocid: string }> }) => {
  const ocid = segment((await params).ocid);
  if (!isOcid(ocid)) return refuse(request, 400, "badOcid", { example: "ocds-abc123-T-2026-0001" });
  const record = await findOcidRecord(ocid);
  if (!record) return refuse(request, 404, "unknownOcid", { ocid });
  return ocdsJson(recordPackage(await packageMeta(request), [record]));
});
