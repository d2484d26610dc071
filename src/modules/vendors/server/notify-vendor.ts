import "server-only";
import { notify } from "@/modules/notifications";
import type { Tx } from "@/server/db";

/** Tells every user of the company (inbox and e-mail, in the caller's transaction). */
export async function notifyVendorUsers(
  tx: Tx,
  vendorId: string,
  message: { kind: string; title: string; body: string; link: string },
): Promise<number> {
  const users = await tx.user.findMany({ where: { vendorId }, select: { id: true } });
  return notify(tx, { ...message, userIds: users.map((u) => u.id) });
}
