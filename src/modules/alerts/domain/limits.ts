/** The longest name, region and keyword a saved search keeps (CHECK SavedSearch_shape holds the same). */
export const SAVED_SEARCH_NAME_MAX = 100;
export const SAVED_SEARCH_REGION_MAX = 100;
export const SAVED_SEARCH_KEYWORD_MAX = 200;
/** KBLI codes per search (CHECK SavedSearch_shape). */
export const SAVED_SEARCH_KBLI_MAX = 20;
