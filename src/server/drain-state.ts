// Whether this web process is draining (it got SIGTERM and finishes what it holds before
// it exits). src/cli/serve.ts sets it; the health route reads it, so the load balancer
// stops sending new requests here. The flag lives on globalThis because serve.ts and
// Next's bundled route code load separate copies of this module in one process.
const DRAINING = Symbol.for("segel.draining");
const state = globalThis as { [DRAINING]?: boolean };

export function markDraining(): void {
  state[DRAINING] = true;
}

export function isDraining(): boolean {
  return state[DRAINING] === true;
}
