import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Role } from "@/generated/prisma/enums";

/** One block of the dashboard per role held; the heading is the role's name, nothing else. */
export async function DashboardSection({ role, children }: { role: Role; children: ReactNode }) {
  const [c, t] = await Promise.all([getTranslations("common.role"), getTranslations("dashboard.intro")]);
  const headingId = `peran-${role}`;
  return (
    <section
      data-testid={`dashboard-${role}`}
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <div>
        <h2 id={headingId} className="text-xl font-semibold">
          {c(role)}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t(role)}</p>
      </div>
      {children}
    </section>
  );
}
