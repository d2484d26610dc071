import "server-only";

// Vendors' saved searches and their alerts (docs/decisions/0041).
export {};
