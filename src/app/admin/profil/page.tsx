import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ForbiddenMessage } from "@/components/ui/forbidden-message";
import { getLpseProfileForEdit } from "@/modules/lpse";
import { LpseLogo, LpseLogoForm, LpseProfileForm } from "@/modules/lpse/components";
import { pageActor, unlessForbidden } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lpse.profile"))("title") };
}

export default async function LpseProfilePage() {
  const actor = await pageActor("/admin/profil");
  // getLpseProfileForEdit refuses all but ADMIN_LPSE; the actions refuse them again
  const profile = await unlessForbidden(getLpseProfileForEdit(actor));
  if (!profile) return <ForbiddenMessage />;
  const t = await getTranslations("lpse");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("profile.title")}</h1>
        <p className="text-slate-700">{t("profile.intro")}</p>
      </header>
      <Card>
        <LpseProfileForm profile={profile} />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("profile.logoTitle")}</h2>
        <div className="mb-4 flex items-center gap-3 text-sm text-slate-700">
          {profile.logoUrl ? (
            <>
              <span>{t("profile.logoCurrent")}:</span>
              <LpseLogo url={profile.logoUrl} alt={t("logoAlt", { lpse: profile.name })} className="h-16 w-auto" />
            </>
          ) : (
            <span>{t("profile.logoNone")}</span>
          )}
        </div>
        <LpseLogoForm />
      </Card>
    </div>
  );
}
