// Placeholder of the contract: replaced by the tender export command (issue 13).
export async function runTenderExport(argv: readonly string[]): Promise<number> {
  console.error(`tender export is not built yet (${argv.length} arguments ignored)`);
  return 1;
}
