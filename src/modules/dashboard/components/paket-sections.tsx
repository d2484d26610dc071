import { getTranslations } from "next-intl/server";
import type { Actor } from "@/modules/auth/domain";
import { findPengadaanLangsungPakets, findPpkPakets } from "../server/find-agency-pakets";
import { DashboardSection } from "./dashboard-section";
import { PaketTable } from "./paket-table";

export async function PpkSection({ actor }: { actor: Actor }) {
  const [pakets, t] = await Promise.all([findPpkPakets(actor), getTranslations("dashboard.paket")]);
  return (
    <DashboardSection role="PPK">
      <PaketTable pakets={pakets} label={t("ppkLabel")} empty={t("ppkEmpty")} />
    </DashboardSection>
  );
}

export async function PejabatPengadaanSection({ actor }: { actor: Actor }) {
  const [pakets, t] = await Promise.all([findPengadaanLangsungPakets(actor), getTranslations("dashboard.paket")]);
  return (
    <DashboardSection role="PEJABAT_PENGADAAN">
      <PaketTable pakets={pakets} label={t("plLabel")} empty={t("plEmpty")} />
    </DashboardSection>
  );
}
