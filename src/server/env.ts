import "server-only";

/** Read a required environment variable, with a message that says what to do. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set. Start Segel with "npm start" or set ${name}.`);
  return value;
}

export const databaseUrl = () => required("DATABASE_URL");
export const authSecret = () => required("NEXTAUTH_SECRET");
