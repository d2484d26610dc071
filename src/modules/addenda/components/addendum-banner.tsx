import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MarkReadButton } from "@/modules/notifications/components";
import { getActor } from "@/server/session";
import { findUnseenAddenda } from "../server/find-unseen-addenda";

/**
 * "Ada adendum baru …" on a vendor's tender pages, until the signed-in user marks the
 * addenda as read. Renders nothing for anyone else or when nothing is new.
 */
export async function AddendumBanner({ tenderId }: { tenderId: string }) {
  const actor = await getActor();
  if (!actor?.vendorId) return null;
  const unseen = await findUnseenAddenda(actor, tenderId);
  if (unseen.length === 0) return null;
  const t = await getTranslations("questions.banner");
  return (
    <div
      role="alert"
      data-testid="addendum-banner"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h2 className="font-semibold">{t("title")}</h2>
      <p className="text-sm">{t("body")}</p>
      <ul className="space-y-2 text-sm">
        {unseen.map((a) => (
          <li key={a.notificationId} className="whitespace-pre-line">
            {a.body} <Link href={`/penyedia/tender/${tenderId}/penjelasan#adendum-${a.documentId}`}>{t("open")}</Link>
          </li>
        ))}
      </ul>
      <MarkReadButton ids={unseen.map((a) => a.notificationId)} label={t("markSeen")} doneText={t("done")} />
    </div>
  );
}
