"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/form";
import { cancelMaintenanceAction, endMaintenanceAction } from "../maintenance.actions";

/** Cancel (before the start) or end now (while it runs), after a confirmation. */
export function MaintenanceWindowButton({ maintenanceId, kind }: { maintenanceId: string; kind: "cancel" | "end" }) {
  const t = useTranslations("availability.maintenance.admin");
  const router = useRouter();
  const run = kind === "cancel" ? cancelMaintenanceAction : endMaintenanceAction;
  return (
    <ActionForm
      action={() => run({ maintenanceId })}
      doneText={t(kind === "cancel" ? "cancelled" : "ended")}
      confirmText={t(kind === "cancel" ? "cancelConfirm" : "endConfirm")}
      onDone={() => router.refresh()}
    >
      <button type="submit" className={buttonClass("secondary")}>
        {t(kind)}
      </button>
    </ActionForm>
  );
}
