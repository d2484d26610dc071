import "server-only";
import { can, type Actor } from "@/modules/auth/domain";
import { getLpseProfile } from "@/modules/lpse";
import { db, dbNow } from "@/server/db";
import { totpQrDataUrl, totpUri } from "./totp-code";
import { openTotpSecret } from "./totp-secret";
import { isTotpRequiredFor } from "./totp-user";

export interface TwoFactorStatus {
  enabledAt: Date | null;
  /** the user's roles require TOTP on this instance, so it cannot be turned off */
  isRequired: boolean;
  recoveryCodesLeft: number;
  /** an enrolment started and not yet confirmed: what the authenticator app needs */
  setup: { secret: string; uri: string; qrDataUrl: string } | null;
}

/** The signed-in user's own second factor, for /akun/dua-faktor. Only ever the user's own row. */
export async function getTwoFactorStatus(actor: Actor): Promise<TwoFactorStatus> {
  const now = await dbNow();
  const [user, recoveryCodesLeft, isRequired] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { id: true, email: true, totpSecret: true, totpEnabledAt: true },
    }),
    db.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
    db.$transaction((tx) => isTotpRequiredFor(tx, actor.userId, now)),
  ]);
  let setup: TwoFactorStatus["setup"] = null;
  if (!user.totpEnabledAt && user.totpSecret) {
    const secret = await openTotpSecret(user.id, user.totpSecret);
    if (secret) {
      // The app lists the account under the LPSE's name, so a person with several tells them apart.
      const uri = totpUri(secret, (await getLpseProfile()).name, user.email);
      setup = { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
    }
  }
  return { enabledAt: user.totpEnabledAt, isRequired, recoveryCodesLeft, setup };
}

/** Which of these users have TOTP on or started, for the admin's user list; only for who may reset it. */
export async function findTotpStates(actor: Actor, userIds: string[]): Promise<Map<string, "enabled" | "started">> {
  if (!can(actor, "user.resetSecondFactor")) return new Map();
  const rows = await db.user.findMany({
    where: { id: { in: userIds }, totpSecret: { not: null } },
    select: { id: true, totpEnabledAt: true },
  });
  return new Map(rows.map((r) => [r.id, r.totpEnabledAt ? "enabled" : "started"]));
}
