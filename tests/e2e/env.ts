/** Fixed ports and names of the end-to-end environment (tests/e2e/serve.ts). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
export const E2E_DB_NAME = "segel_e2e_test";
export const E2E_DATABASE_URL = `postgresql://postgres:segel-local@127.0.0.1:${E2E_PG_PORT}/${E2E_DB_NAME}`;

/** The empty instance (SEGEL_DEMO=0) the empty-instance project runs against (tests/e2e/serve-empty.ts). */
export const E2E_EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT ?? 3110);
export const E2E_EMPTY_PG_PORT = Number(process.env.E2E_EMPTY_PG_PORT ?? 54349);
/** the test-only HTTP endpoint that hands out the mail its SMTP server received (tests/e2e/empty-instance/mail.ts) */
export const E2E_EMPTY_MAIL_PORT = Number(process.env.E2E_EMPTY_MAIL_PORT ?? 3111);
export const E2E_EMPTY_DB_NAME = "segel_empty_e2e_test";
export const E2E_EMPTY_DATABASE_URL = `postgresql://postgres:segel-local@127.0.0.1:${E2E_EMPTY_PG_PORT}/${E2E_EMPTY_DB_NAME}`;
