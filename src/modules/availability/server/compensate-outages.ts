import "server-only";

// Placeholder of the contract (issue 13): the compensation pass replaces it.
export async function compensateOutages(_options: { limit?: number } = {}): Promise<{
  outages: number;
  compensations: number;
}> {
  return { outages: 0, compensations: 0 };
}
