// Placeholder of the contract: replaced by the tender import command (issue 13).
export async function runTenderImport(argv: readonly string[]): Promise<number> {
  console.error(`tender import is not built yet (${argv.length} arguments ignored)`);
  return 1;
}
