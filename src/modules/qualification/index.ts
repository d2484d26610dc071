import "server-only";

// The vendor's qualification form, copied from its verified profile (helper C): sealed with
// the bid (bids) and sent with a prakualifikasi application (seleksi).
export { buildQualificationForm } from "./server/build-qualification-form";
export { getQualificationProfile } from "./server/get-qualification-profile";
export {
  EQUIPMENT_OWNERSHIP,
  qualificationChoicesSchema,
  type QualificationChoices,
  type QualificationChoicesDraft,
} from "./qualification.schemas";
// The tender's structured requirements (helper B): their one schema and the assessment live in domain/.
export { assessQualification, qualificationRequirementsSchema } from "./domain";
