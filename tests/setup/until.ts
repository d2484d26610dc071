/**
 * Polls `check` until it holds, every 50 ms, and fails naming `what` after `timeoutMs`:
 * the tests' one way to wait for a real condition (a segment archived, a port closed)
 * without sleeping a fixed time.
 */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
