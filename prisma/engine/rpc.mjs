// JSON-RPC 2.0 over stdio, one message per line, as spoken by the native
// schema engine: the CLI writes requests to our stdin and reads responses from
// our stdout. The engine can also send requests to the CLI (only `print` is
// used, by `migrate diff`), so this transport works in both directions.
// stdout carries protocol messages ONLY; logs go to stderr as JSON lines, which
// the CLI collects to build its error messages.
import readline from "node:readline";

export function log(level, message, extra = {}) {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" })}\n`,
  );
}

const send = (msg) => process.stdout.write(`${JSON.stringify(msg)}\n`);

export class StdioRpc {
  #pending = new Map(); // our outgoing requests awaiting the CLI's answer
  #nextId = 1_000_000_000; // far away from the CLI's ids, for readable logs
  #queue = Promise.resolve(); // CLI requests run one at a time, in order

  /**
   * @param {(method: string, params: unknown) => Promise<unknown>} handler
   * @param {() => Promise<void>} onEnd called once stdin closes and all requests finished
   */
  constructor(handler, onEnd) {
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines.on("line", (line) => this.#onLine(line, handler));
    lines.on("close", () => {
      this.#queue = this.#queue.then(onEnd);
    });
  }

  /** Send a request to the CLI and wait for its response. */
  request(method, params) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      send({ jsonrpc: "2.0", id, method, params });
    });
  }

  #onLine(line, handler) {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (msg.method === undefined) {
      // A response to one of our own requests: handle it immediately, the
      // request that is waiting for it holds the queue.
      const waiter = this.#pending.get(msg.id);
      this.#pending.delete(msg.id);
      if (msg.error) waiter?.reject(new Error(msg.error.message));
      else waiter?.resolve(msg.result);
      return;
    }
    this.#queue = this.#queue.then(async () => {
      try {
        const result = await handler(msg.method, msg.params);
        if (msg.id !== undefined) send({ jsonrpc: "2.0", id: msg.id, result: result === undefined ? {} : result });
      } catch (err) {
        if (msg.id !== undefined) send({ jsonrpc: "2.0", id: msg.id, error: toRpcError(err) });
      }
    });
  }
}

// Error shape of the native engine; the CLI reads `data.message`,
// `data.error_code` (-> "P3006 ..." messages) and `data.is_panic`.
export function toRpcError(err) {
  const message = String(err?.message ?? err);
  if (err?.isPanic) {
    return {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: true, message, backtrace: err.stack, error: { message } },
    };
  }
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, meta: err?.meta ?? null, ...(err?.code ? { error_code: err.code } : {}) },
  };
}
