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
