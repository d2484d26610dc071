import "server-only";

// Placeholder of the contract (issue 13): the maintenance work replaces it.
export async function recordEndedMaintenance(): Promise<number> {
  return 0;
}
