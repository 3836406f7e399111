import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { AppError } from "../../core/errors.ts";
import type { SheetRow } from "./row-source.ts";

/**
 * Rows of a CSV file (RFC 4180). A record is one row as a spreadsheet shows it, even when a quoted cell spans
 * lines; blank lines still count, so row numbers match what the user sees in Excel or WPS.
 */
export async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  // pipe() does not forward errors: a failing upload (too large, cut off) must end the parse too.
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code?.startsWith("CSV_"))
      throw new AppError("unreadable-import-file", `CSV syntax error after row ${row}: ${(e as Error).message}`);
    throw e;
  } finally {
    input.unpipe(parser);
    input.destroy();
  }
}
