import "server-only";
import { headers } from "next/headers";
import { SHARED_PAGE_HEADER } from "./shared-page-header";

/**
 * Whether this request renders a page shared by every visitor (docs/decisions/0016): its
 * cookies were dropped before Next saw them, so what is personal on it is left to the
 * browser (/api/me).
 */
export async function isSharedPage(): Promise<boolean> {
  return (await headers()).get(SHARED_PAGE_HEADER) === "1";
}
