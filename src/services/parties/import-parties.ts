import type { Readable } from "node:stream";
import { AppError, isAppError } from "../../core/errors.ts";
import { licenceTypes } from "../../core/parties/party.ts";
import type { ImportReport, RowError } from "../imports/import-report.ts";
import { readSheetRows } from "../imports/row-source.ts";
import type { ServiceContext } from "../service-context.ts";
import { canonicalColumn, rowToPartyInput } from "./party-csv-columns.ts";
import { checkedDraft, insertCheckedParty } from "./register-party.ts";

/**
 * Imports parties from CSV (UTF-8) or XLSX (first worksheet), header row first; English or Chinese headers. Every row is validated first; then
 * all rows are written in ONE transaction, so a file is imported whole or not at all. With `skipBadRows` the good
 * rows are imported and the bad ones reported.
 */
export async function importParties(
  ctx: ServiceContext,
  file: Readable,
  options: { skipBadRows?: boolean; onProgress?: (rows: number) => void } = {},
): Promise<ImportReport> {
  const errors: RowError[] = [];
  const drafts: { row: number; draft: ReturnType<typeof checkedDraft> }[] = [];
  const seen = new Map<string, number>();
  let rows = 0;
  let columns: (string | undefined)[] | undefined;
  for await (const sheetRow of readSheetRows(file)) {
    if (!columns) {
      columns = sheetRow.cells.map((c) => canonicalColumn(c));
      continue;
    }
    if (sheetRow.cells.every((c) => c.trim() === "")) continue;
    const record: Record<string, string> = {};
    for (const [i, field] of columns.entries()) if (field) record[field] = sheetRow.cells[i] ?? "";
    const rowNo = sheetRow.row;
    rows++;
    const input = rowToPartyInput(record);
    const lt = input.licences?.[0]?.type;
    if (lt && !licenceTypes.includes(lt as (typeof licenceTypes)[number])) {
      errors.push({
        row: rowNo,
        column: "licenceType",
        reason: `unknown licence type '${lt}'; one of ${licenceTypes.join(", ")}`,
      });
      continue;
    }
    try {
      const draft = checkedDraft(ctx, input, "");
      if (draft.creditCode) {
        const first = seen.get(draft.creditCode);
        if (first) {
          errors.push({ row: rowNo, column: "creditCode", reason: `same credit code as row ${first}` });
          continue;
        }
        seen.set(draft.creditCode, rowNo);
      }
      drafts.push({ row: rowNo, draft });
    } catch (e) {
      if (!isAppError(e)) throw e;
      for (const fe of e.errors.length ? e.errors : [{ pointer: "", detail: e.message }]) {
        errors.push({ row: rowNo, column: columnOf(fe.pointer), reason: fe.detail });
      }
    }
    if (rows % 1000 === 0) options.onProgress?.(rows);
  }
  if (errors.length > 0 && !options.skipBadRows) return { rows, imported: 0, errors };

  let imported = 0;
  await ctx.store
    .transaction(async (tx) => {
      for (const { row, draft } of drafts) {
        try {
          await insertCheckedParty(tx, ctx, draft, "");
          imported++;
        } catch (e) {
          if (!isAppError(e) || e.code !== "duplicate-credit-code") throw e;
          errors.push({ row, column: "creditCode", reason: e.message });
        }
      }
      // A row clashing with the database counts as bad: without skipBadRows nothing may be written.
      if (errors.length > 0 && !options.skipBadRows)
        throw new AppError("import-failed", "rows clash with registered parties");
    })
    .catch((e) => {
      if (isAppError(e) && e.code === "import-failed") {
        imported = 0;
        return;
      }
      throw e;
    });
  options.onProgress?.(rows);
  return { rows, imported, errors: errors.sort((a, b) => a.row - b.row) };
}

function columnOf(pointer: string): string {
  const parts = pointer.split("/").filter(Boolean);
  if (parts[0] === "licences") return `licence${(parts[2] ?? "number").replace(/^./, (c) => c.toUpperCase())}`;
  return parts[0] ?? "";
}
