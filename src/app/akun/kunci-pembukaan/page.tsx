import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { isLocale } from "@/i18n/locales";
import { formatInZone } from "@/lib/time";
import { can } from "@/modules/auth/domain/permissions";
import { OpeningKeyForm } from "@/modules/bids/components/opening-key-form";
import { getOpeningKeyStatus } from "@/modules/bids/server/keys/set-opening-key";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bids.openingKey"))("title") };
}

export default async function OpeningKeyPage() {
  const actor = await pageActor("/akun/kunci-pembukaan");
  const t = await getTranslations("bids.openingKey");
  if (!can(actor, "openingKey.manage"))
    return (
      <p role="alert" className="text-red-800">
        {t("forbidden")}
      </p>
    );
  const [status, localeValue] = await Promise.all([getOpeningKeyStatus(actor), getLocale()]);
  const locale = isLocale(localeValue) ? localeValue : "id";
  return (
    <div className="max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p role="status" className={status ? "text-green-800" : "text-amber-900"}>
          {status ? t("status", { at: formatInZone(status.createdAt, "Asia/Jakarta", locale) }) : t("none")}
        </p>
      </header>
      <Card>
        {status ? <h2 className="mb-3 text-lg font-semibold">{t("changeTitle")}</h2> : null}
        <OpeningKeyForm hasKey={status !== null} />
      </Card>
    </div>
  );
}
