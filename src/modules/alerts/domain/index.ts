export { ALERT_FREQUENCIES, type AlertFrequency } from "./frequency";
export { fold, matchesSearch, type SearchFilters, type TenderForMatch } from "./match";
export {
  SAVED_SEARCH_KBLI_MAX,
  SAVED_SEARCH_KEYWORD_MAX,
  SAVED_SEARCH_NAME_MAX,
  SAVED_SEARCH_REGION_MAX,
} from "./limits";
