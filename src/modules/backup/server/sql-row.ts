/** The one row a query must return (an aggregate, a function call): its absence is a bug, named. */
export function oneRow<T>(result: { rows: T[] }, what: string): T {
  const row = result.rows[0];
  if (row === undefined) throw new Error(`${what} returned no row`);
  return row;
}
