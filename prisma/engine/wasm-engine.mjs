// Loads @prisma/schema-engine-wasm by hand. Its entry file does
// `import * as wasm from "./schema_engine_bg.wasm"`, which plain Node rejects
// (ERR_UNKNOWN_FILE_EXTENSION) unless started with --experimental-wasm-modules.
// So we instantiate the .wasm ourselves and wire it to the JS glue exactly as
// that entry file would.
import { readFile } from "node:fs/promises";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";

let loaded;

// The Rust panic hook reports the panic message here before the wasm traps
// (Prisma's own runtimes define the same global). Without it the hook itself
// throws a TypeError and the real message is lost.
export const panicRegistry = {
  message: undefined,
  set_message(message) {
    this.message = message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} */
export function loadSchemaEngineWasm() {
  loaded ??= (async () => {
    const wasmUrl = new URL(
      "schema_engine_bg.wasm",
      import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return loaded;
}
