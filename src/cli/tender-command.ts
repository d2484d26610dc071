// `npm run segel -- tender export|import`: a tender moved whole to another LPSE as one
// signed bundle (docs/decisions/0040). Export: src/cli/tender-export-command.ts; import:
// src/cli/tender-import-command.ts.
const USAGE = `Usage: npm run segel -- tender <verb>

  tender export --code <tender code> --out <file> [--database-url <url>]
      Writes the tender as one bundle signed with this instance's key. --database-url
      reads a restored backup's database instead of this instance's (the source may be
      the hacked server: restore a backup from before the attack and export from it).
  tender import --in <file> --agency <agency code> --admin <e-mail> --source-key <fingerprint>
      Verifies the bundle's signature and every hash, then imports the tender in one
      step, or writes nothing and says why.`;

export async function runTenderCommand(argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === "export") return (await import("./tender-export-command")).runTenderExport(rest);
  if (verb === "import") return (await import("./tender-import-command")).runTenderImport(rest);
  console.log(USAGE);
  return verb === undefined || verb === "help" ? 0 : 2;
}
