import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatRupiah } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import type { Actor } from "@/modules/auth/domain";
import { getPenunjukanView } from "../server/get-penunjukan-view";
import { ChooseVendorForm, NegotiationForm } from "./penunjukan-forms";

/** On the Pokja's tender page: the penunjukan langsung's vendor and negotiation; nothing for other methods. */
export async function PenunjukanPanel({ actor, tenderId }: { actor: Actor; tenderId: string }) {
  const view = await getPenunjukanView(actor, tenderId);
  if (!view) return null;
  const [t, localeValue] = await Promise.all([getTranslations("remedies.penunjukan"), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <Card>
      <section aria-labelledby="penunjukan-judul" className="space-y-3">
        <h2 id="penunjukan-judul" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <p className="text-sm">{view.vendor ? t("invited", { vendor: view.vendor.name }) : t("noVendor")}</p>
        {view.mayChoose ? <ChooseVendorForm tenderId={tenderId} vendors={view.vendors} /> : null}
        {view.negotiation ? (
          <div className="space-y-1 text-sm">
            <p>
              {t("agreed", {
                price: formatRupiah(view.negotiation.agreedPrice),
                at: formatInZone(view.negotiation.at, view.timeZone, locale),
              })}
            </p>
            <p className="whitespace-pre-line text-slate-700">{view.negotiation.minutes}</p>
          </div>
        ) : null}
        {view.mayNegotiate ? <NegotiationForm tenderId={tenderId} /> : null}
      </section>
    </Card>
  );
}
