import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import type { Actor } from "@/modules/auth/domain";
import { getBackupHealth } from "../server/get-backup-overview";
import { BackupHealthLine } from "./backup-health-line";

/** The admin dashboard's card: the backups' state in a line, red with the open alerts, and the way to the page. */
export async function BackupCard({ actor }: { actor: Actor }) {
  const state = await getBackupHealth(actor);
  if (!state) return null;
  const t = await getTranslations("backup");
  return (
    <section aria-label={t("title")} data-testid="backup-card">
      <BackupHealthLine health={state.health} alerts={state.alerts.map((kind) => ({ kind }))}>
        <ButtonLink href="/admin/cadangan" variant="secondary">
          {t("open")}
        </ButtonLink>
      </BackupHealthLine>
    </section>
  );
}
