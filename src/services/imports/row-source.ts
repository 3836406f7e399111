import { Readable } from "node:stream";
import { AppError } from "../../core/errors.ts";
import { csvRows } from "./csv-rows.ts";

/** One row of a spreadsheet as text cells, numbered as the user sees it (the header is row 1). */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export type SheetFormat = "csv" | "xlsx";

/**
 * Streams the rows of an uploaded table, CSV (UTF-8, with or without BOM) or XLSX (first worksheet), chosen by
 * the file's first bytes: an XLSX file is a ZIP archive (local file header "PK\x03\x04", APPNOTE.TXT §4.3.7).
 * Rows are read as they arrive; nothing holds the whole file.
 */
export async function* readSheetRows(input: Readable): AsyncGenerator<SheetRow> {
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await chunks.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  const format = sniffFormat(head);
  // The sniffed chunk goes first again; an error of the input (a cut-off upload) surfaces as this stream's error.
  const whole = Readable.from(
    (async function* () {
      if (!first.done) yield head;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield Buffer.from(next.value);
    })(),
    { objectMode: false },
  );
  // The XLSX reader (exceljs) is large: loaded only when a workbook comes.
  yield* format === "xlsx" ? (await import("./xlsx-rows.ts")).xlsxRows(whole) : csvRows(whole);
}

export function sniffFormat(head: Buffer): SheetFormat {
  if (head.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) return "xlsx";
  // OLE2 compound file: the binary .xls of Excel 97-2003, which has no streaming reader here.
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new AppError("unreadable-import-file", "this is an old .xls workbook: save it as .xlsx or as CSV (UTF-8)");
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new AppError(
      "unreadable-import-file",
      "the file is neither XLSX nor UTF-8 text (GBK?): save it as .xlsx or as “CSV UTF-8”",
    );
  }
  return "csv";
}
