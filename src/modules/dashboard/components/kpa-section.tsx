import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/modules/auth/domain";
import { findKpaWork } from "../server/find-kpa-work";
import { DashboardSection } from "./dashboard-section";

export async function KpaSection({ actor }: { actor: Actor }) {
  const [work, t] = await Promise.all([findKpaWork(actor), getTranslations("dashboard.kpa")]);
  const items = [
    ...work.appeals.map((a) => ({ id: a.id, text: t("appeal", { code: a.tender.code, name: a.tender.paket.name }) })),
    ...work.appointments.map((p) => ({
      id: p.id,
      text: t("appointment", { code: p.failedTender.code, name: p.failedTender.paket.name }),
    })),
  ];
  return (
    <DashboardSection role="KPA">
      {items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {items.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}
