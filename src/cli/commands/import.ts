import { createReadStream, existsSync, statSync } from "node:fs";
import { Presets, SingleBar } from "cli-progress";
import { Argument, type Command } from "commander";
import { lotColumns, productColumns, shipmentColumns } from "../../services/imports/column-sets.ts";
import type { ColumnSet } from "../../services/imports/import-columns.ts";
import type { ImportKindName } from "../../services/imports/import-kind.ts";
import type { ImportReport } from "../../services/imports/import-report.ts";
import { withCliContext } from "../cli-context.ts";

const columnSets: Record<ImportKindName, ColumnSet> = {
  products: productColumns,
  lots: lotColumns,
  shipments: shipmentColumns,
};

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(
      "bulk import (批量导入) of products, lots or shipments from CSV (UTF-8) or XLSX, as the console operator " +
        "acting for --party. Every row is checked as the API checks it; a file with a bad row writes nothing " +
        "(unless --skip-bad-rows) and each bad row is printed as 'row N, column: reason'. Exit 1 if any row was bad.",
    )
    .addArgument(new Argument("<kind>", "what the rows are").choices(Object.keys(columnSets)))
    .argument("<file>", "a .csv or .xlsx file (the first worksheet), header row first")
    .requiredOption("--party <id>", "the party the records are for")
    .option("--skip-bad-rows", "write the good rows and report the bad ones")
    .option("--json", "print the report as JSON")
    .addHelpText("after", columnsHelp)
    .action(async (kind: string, file: string, o: { party: string; skipBadRows?: boolean; json?: boolean }) => {
      if (!existsSync(file)) throw new Error(`no such file: ${file}`);
      // Loaded here, not at start-up: the importer brings the XLSX reader and the schema compiler.
      const { importRecords } = await import("../../services/imports/import-records.ts");
      const { importShapeCheck } = await import("../../http/routes/imports/import-shapes.ts");
      const report = await withCliContext((ctx) => {
        const input = createReadStream(file);
        const bar = progressBar(statSync(file).size);
        return importRecords(ctx, kind as ImportKindName, input, {
          partyId: o.party,
          skipBadRows: o.skipBadRows ?? false,
          checkShape: importShapeCheck,
          onProgress: (rows) => bar?.update(input.bytesRead, { rows }),
        }).finally(() => {
          bar?.update(input.bytesRead);
          bar?.stop();
        });
      });
      printReport(report, o.json ?? false);
    });
}

/** A progress bar on stderr, by bytes read of the file, only for a person watching (a TTY). */
function progressBar(size: number): SingleBar | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new SingleBar(
    { stream: process.stderr, format: "{bar} {percentage}% | {rows} rows", hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(Math.max(size, 1), 0, { rows: 0 });
  return bar;
}

export function printReport(report: ImportReport, json: boolean): void {
  for (const e of report.errors) console.error(`row ${e.row}${e.column ? `, ${e.column}` : ""}: ${e.reason}`);
  if (json) console.log(JSON.stringify(report, null, 2));
  else console.log(`${report.rows} rows, ${report.imported} imported, ${report.errors.length} errors`);
  if (report.errors.length > 0) process.exitCode = 1;
}

function columnsHelp(): string {
  const lines = ["", "Columns (English or Chinese headers; see docs/import.md):"];
  for (const [kind, set] of Object.entries(columnSets)) {
    const cols = Object.entries(set.aliases).map(([f, names]) => `${f} (${names.join(", ")})`);
    lines.push(`  ${kind}: ${cols.join("; ")}`);
  }
  return lines.join("\n");
}
