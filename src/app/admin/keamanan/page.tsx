import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { StaffTotpSettingForm } from "@/modules/two-factor/components/staff-totp-setting-form";
import { getSecuritySettings } from "@/modules/two-factor/server/staff-totp-setting";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security.setting"))("title") };
}

/** ADMIN_LPSE's sign-in security settings: TOTP required of staff (decision 0034). */
export default async function SecuritySettingsPage() {
  const actor = await pageActor("/admin/keamanan");
  const settings = await unlessForbidden(getSecuritySettings(actor));
  if (!settings) return <ForbiddenMessage />;
  const t = await getTranslations("security.setting");
  return (
    <div className="max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <Card>
        {settings.hasInstance ? (
          <StaffTotpSettingForm required={settings.requireStaffTotp} />
        ) : (
          <p>{t("noInstance")}</p>
        )}
      </Card>
    </div>
  );
}
