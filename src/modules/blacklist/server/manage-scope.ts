import "server-only";
import { can, hasRole, type Actor } from "@/modules/auth/domain";
import { AppError } from "@/server/errors";

/**
 * Who may enter or lift an entry (Perpres 16/2018 Pasal 78 ayat (6) jo. Perpres 12/2021: the
 * PA/KPA imposes the sanction; the LPSE records the national list). A national entry
 * (agencyId null) is the Verifikator's; an agency's entry is its own PA/KPA's, and the
 * Verifikator, who keeps the whole list, may lift any.
 */
export function assertMayManage(actor: Actor, agencyId: string | null, purpose: "add" | "lift"): void {
  if (!can(actor, "blacklist.manage")) throw new AppError("FORBIDDEN");
  if (hasRole(actor, "VERIFIKATOR") && (agencyId === null || purpose === "lift")) return;
  if (agencyId !== null && hasRole(actor, "KPA", agencyId)) return;
  throw new AppError("FORBIDDEN", "blacklistAgencyNotYours");
}
