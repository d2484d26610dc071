export { DeleteSavedSearchButton } from "./delete-saved-search-button";
export { SavedSearchForm, type SavedSearchValues } from "./saved-search-form";
