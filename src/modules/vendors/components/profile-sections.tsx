import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/submit-button";
import { Td, Th, Table } from "@/components/ui/table";
import { formatRupiah } from "@/lib/money";
import { PROFILE_SECTIONS, type ProfileSection } from "../vendors.schemas";
import { addProfileEntryAction, removeProfileEntryAction } from "../vendors.actions";
import type { VendorProfile } from "../server/vendor-profile";
import { entryFields } from "./entry-fields";
import { SpecFields } from "./spec-fields";

const day = (d: Date | null, locale: string) =>
  d
    ? new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", {
        dateStyle: "long",
        timeZone: "Asia/Jakarta",
      }).format(d)
    : "—";

interface Props {
  profile: VendorProfile;
  locale: string;
  /** the company's own users may add and remove entries; a Verifikator only reads */
  editable: boolean;
}

/** Permits, deeds, people and experience: one table each, with add and remove for the company. */
export async function ProfileSections({ profile, locale, editable }: Props) {
  const [t, tf] = await Promise.all([getTranslations("vendors.entries"), getTranslations("vendors.form")]);
  const fileNames = new Map(profile.documents.map((d) => [d.id, d.fileName]));
  // the attached scan, opened as the documents list opens it; "—" when none is attached
  const document = (id: string | null) =>
    id && fileNames.has(id) ? (
      <a key="doc" href={`/api/documents/${id}`} className="break-all">
        {fileNames.get(id)}
      </a>
    ) : (
      "—"
    );
  const rows: Record<ProfileSection, { id: string; cells: ReactNode[] }[]> = {
    permit: profile.permits.map((p) => ({
      id: p.id,
      cells: [p.kind, p.number, p.issuedBy, day(p.validUntil, locale), document(p.documentId)],
    })),
    deed: profile.deeds.map((d) => ({
      id: d.id,
      cells: [d.kind, d.number, day(d.date, locale), d.notary, document(d.documentId)],
    })),
    person: profile.people.map((p) => ({
      id: p.id,
      cells: [
        t(`personKind.${p.kind}`),
        p.name,
        p.position,
        p.nik ?? "—",
        p.education ?? "—",
        p.experienceYears ?? "—",
      ],
    })),
    experience: profile.experiences.map((e) => ({
      id: e.id,
      cells: [
        e.contractName,
        e.client,
        <span key="v" className="tabular-nums">
          {formatRupiah(e.contractValue)}
        </span>,
        e.year,
        e.location,
      ],
    })),
  };
  const headers: Record<ProfileSection, string[]> = {
    permit: ["permit.kind", "permit.number", "permit.issuedBy", "permit.validUntil", "document"],
    deed: ["deed.kind", "deed.number", "deed.date", "deed.notary", "document"],
    person: [
      "person.kind",
      "person.name",
      "person.position",
      "person.nik",
      "person.education",
      "person.experienceYears",
    ],
    experience: [
      "experience.contractName",
      "experience.client",
      "experience.contractValue",
      "experience.year",
      "experience.location",
    ],
  };
  const tr = (key: string) => t(key);

  return (
    <>
      {PROFILE_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`section-${section}`} className="space-y-3">
          <h2 id={`section-${section}`} className="text-lg font-semibold">
            {t(`${section}.title`)}
          </h2>
          {editable && (section === "permit" || section === "deed") ? (
            <p className="text-sm text-slate-600">{t("legalNote")}</p>
          ) : null}
          {rows[section].length === 0 ? (
            <p className="text-sm text-slate-600">{t(`${section}.empty`)}</p>
          ) : (
            <Table label={t(`${section}.title`)}>
              <thead>
                <tr>
                  {headers[section].map((h) => (
                    <Th key={h}>{t(h)}</Th>
                  ))}
                  {editable ? (
                    <Th>
                      <span className="sr-only">{t("actions")}</span>
                    </Th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows[section].map((row) => (
                  <tr key={row.id}>
                    {row.cells.map((cell, i) => (
                      <Td key={i}>{cell}</Td>
                    ))}
                    {editable ? (
                      <Td>
                        <ActionForm
                          action={removeProfileEntryAction}
                          doneText={t("removed")}
                          resetOnDone={false}
                          className="space-y-4"
                        >
                          <input type="hidden" name="section" value={section} />
                          <input type="hidden" name="id" value={row.id} />
                          <SubmitButton variant="secondary" pendingLabel={tf("saving")}>
                            {t("remove")}
                          </SubmitButton>
                        </ActionForm>
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {editable ? (
            <details className="rounded-md border border-slate-200 bg-white p-3">
              <summary className="cursor-pointer font-medium">{t(`${section}.add`)}</summary>
              <ActionForm action={addProfileEntryAction} doneText={t("added")} className="mt-3 space-y-4">
                <input type="hidden" name="section" value={section} />
                <SpecFields fields={entryFields(section, tr, profile.documents)} />
                <SubmitButton pendingLabel={tf("saving")}>{t("save")}</SubmitButton>
              </ActionForm>
            </details>
          ) : null}
        </section>
      ))}
    </>
  );
}
