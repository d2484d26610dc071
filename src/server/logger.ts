/**
 * Structured logs to stdout/stderr, one JSON object a line, so any log collector can read
 * them. Error objects are reduced to name, message and stack.
 */
type Fields = Record<string, unknown>;

function serialise(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

function write(level: "info" | "warn" | "error", fields: Fields, msg: string) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...serialise(fields) }, (_k, v) =>
    typeof v === "bigint" ? v.toString() : v,
  );
  (level === "info" ? process.stdout : process.stderr).write(line + "\n");
}

export const logger = {
  info: (fields: Fields, msg: string) => write("info", fields, msg),
  warn: (fields: Fields, msg: string) => write("warn", fields, msg),
  error: (fields: Fields, msg: string) => write("error", fields, msg),
};
