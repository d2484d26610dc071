import { VendorPersonKind } from "@/generated/prisma/enums";
import type { ProfileSection } from "../vendors.schemas";
import type { FieldSpec } from "./spec-fields";

type T = (key: string) => string;

/** Common permit names, offered as suggestions only: licences differ by sector. */
const PERMIT_KINDS = [
  "Sertifikat Standar",
  "SBU (Sertifikat Badan Usaha)",
  "SIUJK",
  "Izin Usaha Industri",
  "Izin Edar",
  "Sertifikat ISO",
];

/** The company's uploaded documents, to attach one to a permit or a deed. */
type Documents = readonly { id: string; fileName: string }[];

const documentField = (t: T, documents: Documents): FieldSpec => ({
  name: "documentId",
  label: t("document"),
  type: "select",
  options: documents.map((d) => ({ value: d.id, label: d.fileName })),
  hint: t("documentHint"),
});

/** The add form of each profile section. */
export function entryFields(section: ProfileSection, t: T, documents: Documents = []): FieldSpec[] {
  switch (section) {
    case "permit":
      return [
        { name: "kind", label: t("permit.kind"), suggestions: PERMIT_KINDS, required: true },
        { name: "number", label: t("permit.number"), required: true },
        { name: "issuedBy", label: t("permit.issuedBy"), required: true },
        { name: "validUntil", label: t("permit.validUntil"), type: "date", hint: t("permit.validUntilHint") },
        documentField(t, documents),
      ];
    case "deed":
      return [
        {
          name: "kind",
          label: t("deed.kind"),
          type: "select",
          options: ["Akta Pendirian", "Akta Perubahan"].map((v) => ({ value: v, label: v })),
          required: true,
        },
        { name: "number", label: t("deed.number"), required: true },
        { name: "date", label: t("deed.date"), type: "date", required: true },
        { name: "notary", label: t("deed.notary"), required: true },
        documentField(t, documents),
      ];
    case "person":
      return [
        {
          name: "kind",
          label: t("person.kind"),
          type: "select",
          options: Object.values(VendorPersonKind).map((k) => ({ value: k, label: t(`personKind.${k}`) })),
          required: true,
        },
        { name: "name", label: t("person.name"), required: true },
        { name: "position", label: t("person.position"), required: true },
        { name: "nik", label: t("person.nik"), inputMode: "numeric", hint: t("person.nikHint") },
        { name: "education", label: t("person.education") },
        { name: "experienceYears", label: t("person.experienceYears"), inputMode: "numeric" },
      ];
    case "experience":
      return [
        { name: "contractName", label: t("experience.contractName"), required: true, wide: true },
        { name: "client", label: t("experience.client"), required: true },
        {
          name: "contractValue",
          label: t("experience.contractValue"),
          inputMode: "numeric",
          hint: t("experience.contractValueHint"),
          required: true,
        },
        { name: "year", label: t("experience.year"), inputMode: "numeric", required: true },
        { name: "location", label: t("experience.location"), required: true },
      ];
  }
}
