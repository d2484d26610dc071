import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ComponentType } from "react";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/auth/domain/permissions";
import { AdminAgencySection } from "@/modules/dashboard/components/admin-agency-section";
import { AdminLpseSection } from "@/modules/dashboard/components/admin-lpse-section";
import { AuditorSection } from "@/modules/dashboard/components/auditor-section";
import { KpaSection } from "@/modules/dashboard/components/kpa-section";
import { PejabatPengadaanSection, PpkSection } from "@/modules/dashboard/components/paket-sections";
import { PenyediaSection } from "@/modules/dashboard/components/penyedia-section";
import { PokjaSection } from "@/modules/dashboard/components/pokja-section";
import { VerifikatorSection } from "@/modules/dashboard/components/verifikator-section";
import { heldRoles } from "@/modules/dashboard/server/scope";
import { pageActor } from "@/server/page-access";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

const SECTIONS: Record<Role, ComponentType<{ actor: Actor }>> = {
  ADMIN_LPSE: AdminLpseSection,
  ADMIN_AGENCY: AdminAgencySection,
  PPK: PpkSection,
  POKJA: PokjaSection,
  PEJABAT_PENGADAAN: PejabatPengadaanSection,
  VERIFIKATOR: VerifikatorSection,
  AUDITOR: AuditorSection,
  KPA: KpaSection,
  PENYEDIA: PenyediaSection,
};

/** One section per role the user holds; each section reads only its own role's data. */
export default async function DashboardPage() {
  const actor = await pageActor("/dasbor");
  const t = await getTranslations("dashboard");
  const roles = heldRoles(actor);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("greeting", { name: actor.name })}</p>
      </header>
      {roles.length === 0 ? <p className="rounded-lg border border-slate-200 bg-white p-4">{t("noRoles")}</p> : null}
      {roles.map((role) => {
        const Section = SECTIONS[role];
        return <Section key={role} actor={actor} />;
      })}
    </div>
  );
}
