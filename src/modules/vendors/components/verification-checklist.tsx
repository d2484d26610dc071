import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { ChecklistItem, ChecklistRow } from "../domain/checklist";
import { formatNpwp } from "../domain/npwp";
import type { VendorProfile } from "../server/vendor-profile";

interface Props {
  profile: VendorProfile;
  checklist: readonly ChecklistRow[];
  /** "verifier" explains that verifying waits for every item; "vendor" that sending does */
  audience: "verifier" | "vendor";
}

/**
 * The checklist the server enforces, item by item, met or not in words (never colour
 * alone), with what meets it: the number on file, or the entry and its document to open.
 */
export async function VerificationChecklist({ profile, checklist, audience }: Props) {
  const t = await getTranslations("vendors.checklist");
  const fileNames = new Map(profile.documents.map((d) => [d.id, d.fileName]));
  const open = (documentId: string | null) =>
    documentId ? (
      <a href={`/api/documents/${documentId}`} className="break-all">
        {t("openDocument", { file: fileNames.get(documentId) ?? documentId })}
      </a>
    ) : null;

  function evidence(row: ChecklistRow): ReactNode[] {
    const only = new Set(row.evidenceIds);
    const item: Record<ChecklistItem, () => ReactNode[]> = {
      npwp: () => [formatNpwp(profile.npwp)],
      nib: () => [profile.nib],
      kbli: () => [profile.kbli.join(", ")],
      deed: () =>
        profile.deeds
          .filter((d) => only.has(d.id))
          .map((d) => (
            <>
              {d.kind} {d.number} {open(d.documentId)}
            </>
          )),
      permit: () =>
        profile.permits
          .filter((p) => only.has(p.id))
          .map((p) => (
            <>
              {p.kind} {p.number} {open(p.documentId)}
            </>
          )),
      person: () => profile.people.filter((p) => only.has(p.id)).map((p) => `${p.name} (${p.position})`),
    };
    return row.isMet ? item[row.item]() : [t(`hint.${row.item}`)];
  }

  return (
    <section aria-labelledby="checklist-title" className="space-y-3" data-testid="verification-checklist">
      <h2 id="checklist-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t(`intro.${audience}`)}</p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm">
        {checklist.map((row) => (
          <li key={row.item} className="flex flex-wrap gap-x-4 gap-y-1 p-3" data-testid={`checklist-${row.item}`}>
            <span className={`w-36 font-medium ${row.isMet ? "text-green-800" : "text-red-800"}`}>
              {row.isMet ? "✓" : "✗"} {t(row.isMet ? "met" : "unmet")}
            </span>
            <span className="w-64 font-medium">{t(`item.${row.item}`)}</span>
            <span className="min-w-0 flex-1 space-y-1 text-slate-700">
              {evidence(row).map((node, i) => (
                <span key={i} className="block">
                  {node}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
