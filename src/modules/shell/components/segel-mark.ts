// Segel's mark (the browser tab's icon): a wax seal (segel) stamped with a check, the sealed bid
// kept intact. Inline as a data: URL, not a file of its own, which was one more request on every
// first visit (issue 14, page weight); the CSP's img-src allows data:.
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#9f1239" d="M16 1.5l3.1 2.3 3.8-.6 1.6 3.5 3.5 1.6-.6 3.8 2.3 3.1-2.3 3.1.6 3.8-3.5 1.6-1.6 3.5-3.8-.6L16 30.5l-3.1-2.3-3.8.6-1.6-3.5-3.5-1.6.6-3.8L2.3 16l2.3-3.1-.6-3.8 3.5-1.6 1.6-3.5 3.8.6z"/><circle cx="16" cy="16" r="9" fill="none" stroke="#fff1f2" stroke-width="1.5"/><path d="M11.5 16.2l3.1 3.1 6-6.3" fill="none" stroke="#fff1f2" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>';

export const SEGEL_MARK_URL = `data:image/svg+xml,${encodeURIComponent(SVG)}`;
