import { getTranslations } from "next-intl/server";
import type { BackupAlertKind } from "../domain/records";
import type { BackupHealth } from "../server/get-backup-overview";

const TONE: Record<BackupHealth, string> = {
  healthy: "border-green-300 bg-green-50 text-green-900",
  pending: "border-amber-300 bg-amber-50 text-amber-900",
  alert: "border-red-300 bg-red-50 text-red-900",
};

/** The state in one line: green, amber or red, and the open alerts by name; the words carry it, not the colour. */
export async function BackupHealthLine({
  health,
  alerts,
  children,
}: {
  health: BackupHealth;
  alerts: { kind: BackupAlertKind; detail?: string }[];
  children?: React.ReactNode;
}) {
  const t = await getTranslations("backup");
  return (
    <div role="status" data-health={health} className={`space-y-2 rounded-lg border p-4 ${TONE[health]}`}>
      <p className="font-semibold">{t(`health.${health}`)}</p>
      {alerts.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {alerts.map((a) => (
            <li key={a.kind}>
              <span className="font-medium">{t(`alert.${a.kind}`)}</span>
              {a.detail ? <span>: {a.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
