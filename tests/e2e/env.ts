/** Fixed ports and names of the end-to-end environment (tests/e2e/serve.ts). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
export const E2E_DB_NAME = "segel_e2e_test";
export const E2E_DATABASE_URL = `postgresql://postgres:segel-local@127.0.0.1:${E2E_PG_PORT}/${E2E_DB_NAME}`;
