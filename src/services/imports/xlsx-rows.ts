import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { chinaDate } from "../../core/codes/calendar-day.ts";
import { AppError } from "../../core/errors.ts";
import type { SheetRow } from "./row-source.ts";

/**
 * Rows of the first worksheet of an XLSX workbook (ECMA-376), read as a stream: shared strings and styles are
 * cached (styles tell a date from a number), cells are converted to the text a user would type in CSV.
 */
export async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  // exceljs pipes the input into its unzipper, and pipe() does not forward errors: race them in.
  const failure = new Promise<never>((_, reject) => input.on("error", reject));
  failure.catch(() => {});
  try {
    const sheets = reader[Symbol.asyncIterator]();
    const first = await Promise.race([sheets.next(), failure]);
    if (first.done) return;
    const rows = (first.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([rows.next(), failure]);
      if (next.done) break;
      const values = next.value.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { row: next.value.number, cells };
    }
  } catch (e) {
    // Errors of the upload itself (AppError, or a system error with its errno code) stay as they are; anything
    // else came from unzipping or parsing: the file is broken.
    if (e instanceof AppError || !(e instanceof Error) || (e as { code?: string }).code) throw e;
    throw new AppError("unreadable-import-file", `not a readable XLSX workbook: ${e.message}`);
  } finally {
    input.destroy();
  }
}

/** A cell as text: dates as YYYY-MM-DD in China Standard Time, formulas by their cached result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : chinaDate(v.getTime());
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join("");
    if ("result" in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return "";
}
