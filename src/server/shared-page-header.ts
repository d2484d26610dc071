// Set by src/cli/serve.ts on a GET of a page rendered the same for every visitor
// (src/server/page-cache.ts); no "server-only": the HTTP server loads it outside Next.
export const SHARED_PAGE_HEADER = "x-segel-shared-page";
