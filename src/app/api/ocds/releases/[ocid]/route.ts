import { isOcid } from "@/modules/open-data/domain/feed-cursor";
import { releasePackage } from "@/modules/open-data/domain/packages";
import { findOcidReleases } from "@/modules/open-data/server/find-ocid-releases";
import { route } from "@/server/route";
import { ocdsJson, packageMeta, refuse, segment } from "../../ocds-http";

export const dynamic = "force-dynamic";

/** Public: the release package of one ocid, every release as published, oldest first (docs/decisions/0041). */
export const GET = route(
  "ocds releases",
  async (request: Request, { params }: { params: Promise<{ ocid: string }> }) => {
    const ocid = segment((await params).ocid);
    if (!isOcid(ocid)) return refuse(request, 400, "badOcid", { example: "ocds-abc123-T-2026-0001" });
    const releases = await findOcidReleases(ocid);
    if (releases.length === 0) return refuse(request, 404, "unknownOcid", { ocid });
    return ocdsJson(releasePackage(await packageMeta(request), releases));
  },
);
