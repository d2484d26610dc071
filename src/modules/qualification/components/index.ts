// The qualification form's fields: the bid workspace and the prakualifikasi page use them.
export {
  emptyQualificationChoices,
  QualificationFormFields,
  type QualificationProfile,
} from "./qualification-form-fields";
