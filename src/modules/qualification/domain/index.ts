export type {
  AssessedRequirement,
  EquipmentRequirement,
  ExperienceRequirement,
  FinancialRequirement,
  PermitRequirement,
  QualificationForm,
  QualificationRequirements,
  RupiahDigits,
  StaffRequirement,
} from "./shapes";
// The assessment of a form against a tender's requirements (the Pokja's view, the vendor's check).
export { assessQualification, lastTaxYear } from "./assess";
export { REQUIREMENT_LIMITS } from "./limits";
// One way to match a held permit: the Tender Cepat's automatic check uses it too.
export { isPermitValid, permitAnswers, wordsAnswer } from "./permits";
// Whether a tender asks anything (an all-empty list is stored as none).
export { hasRequirements } from "./requirements";
// The one check of the requirements' JSON (the set-up form, code, an imported tender).
export {
  equipmentRequirementSchema,
  experienceRequirementSchema,
  financialRequirementSchema,
  permitRequirementSchema,
  qualificationRequirementsSchema,
  staffRequirementSchema,
} from "./requirements-schema";
