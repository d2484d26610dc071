import { formatInZone } from "@/lib/time";
import type { TenderRef } from "@/modules/notifications/domain";

/**
 * Invitations during evaluation (Perlem LKPP 12/2021, Lampiran II): to pembuktian
 * kualifikasi, where the bidder shows the originals of its qualification documents, and
 * to klarifikasi/negosiasi. The kinds are the EvaluationInvitationKind enum's (checked in
 * src/server/domain-enums.ts).
 */
export const INVITATION_KINDS = ["PEMBUKTIAN", "KLARIFIKASI"] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** Configuration, not law: enough words to name a room and an address, and a list of documents. */
export const PLACE_MIN_LENGTH = 3;
export const PLACE_MAX_LENGTH = 500;
export const NOTE_MIN_LENGTH = 5;
export const NOTE_MAX_LENGTH = 2000;

const PURPOSE: Record<InvitationKind, string> = {
  PEMBUKTIAN: "pembuktian kualifikasi",
  KLARIFIKASI: "klarifikasi dan negosiasi",
};

/** The notification the invited bidders' users get, in Indonesian (see notifications/domain/messages.ts). */
export function invitationMessage(
  tender: TenderRef,
  invitation: { kind: InvitationKind; at: Date; place: string; note: string },
) {
  return {
    kind: "evaluation.invitationSent",
    title: `Undangan ${PURPOSE[invitation.kind]}: tender ${tender.code}`,
    body:
      `Pokja Pemilihan mengundang perusahaan Anda untuk ${PURPOSE[invitation.kind]} pada tender ${tender.code} (${tender.name}).\n\n` +
      `Waktu: ${formatInZone(invitation.at, tender.timeZone, "id")}\nTempat: ${invitation.place}\n\nYang perlu dibawa:\n${invitation.note}`,
    link: `/penyedia/penawaran/${tender.id}`,
  };
}
