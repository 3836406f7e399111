import { createReadStream, existsSync } from "node:fs";
import type { Command } from "commander";
import { importParties } from "../../services/parties/import-parties.ts";
import { withCliContext } from "../cli-context.ts";

export function registerParties(program: Command): void {
  const parties = program.command("parties").description("the party registry (enterprise e-archive)");
  parties
    .command("import <file>")
    .description(
      "import parties from a UTF-8 CSV or an XLSX (first worksheet) with a header row (name, creditCode, kind, regionCode, address, contactName, " +
        "contactPhone, contactEmail, gln, keyParty, licenceType, licenceNumber, licenceValidUntil; Chinese headers too). " +
        "A file with bad rows imports nothing and lists them.",
    )
    .option("--skip-bad-rows", "import the good rows and report the bad ones")
    .action(async (file: string, o: { skipBadRows?: boolean }) => {
      if (!existsSync(file)) throw new Error(`no such file: ${file}`);
      await withCliContext(async (ctx) => {
        const report = await importParties(ctx, createReadStream(file), {
          skipBadRows: o.skipBadRows ?? false,
          onProgress: (n) => process.stderr.isTTY && process.stderr.write(`\r${n} rows read`),
        });
        if (process.stderr.isTTY) process.stderr.write("\n");
        for (const e of report.errors) console.error(`row ${e.row}, ${e.column}: ${e.reason}`);
        console.log(`${report.rows} rows, ${report.imported} imported, ${report.errors.length} errors`);
        if (report.errors.length > 0) process.exitCode = 1;
      });
    });
}
