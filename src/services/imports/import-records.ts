import type { Readable } from "node:stream";
import { AppError, isAppError } from "../../core/errors.ts";
import { findPartyById } from "../../store/party-store.ts";
import type { Db } from "../../store/schema.ts";
import type { Savepoint } from "../../store/store.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { actingPartyId } from "../codes/acting-party.ts";
import type { ServiceContext } from "../service-context.ts";
import { type FieldRow, fieldRow, mapHeader } from "./import-columns.ts";
import type { ImportKind, ImportKindName, ImportUnit, KindContext, ShapeCheck } from "./import-kind.ts";
import { byRow, type ImportReport, type RowError } from "./import-report.ts";
import { lotRows } from "./lot-rows.ts";
import { productRows } from "./product-rows.ts";
import { readSheetRows, type SheetRow } from "./row-source.ts";
import { shipmentRows } from "./shipment-rows.ts";

export interface ImportOptions {
  /** The party the records are for (operators must name it; an enterprise key acts for its own). */
  readonly partyId?: string | undefined;
  /** Write the good rows and report the bad ones; by default a file with any bad row writes nothing. */
  readonly skipBadRows?: boolean | undefined;
  /** The API's schema check of each row (see ShapeCheck): the same rules as a request. */
  readonly checkShape: ShapeCheck;
  /** Called as rows are read, with the count so far. */
  readonly onProgress?: ((rows: number) => void) | undefined;
}

export const importKinds: Readonly<Record<ImportKindName, (env: KindContext) => ImportKind>> = {
  products: productRows,
  lots: lotRows,
  shipments: shipmentRows,
};

/** Units written under one savepoint; on a failure the chunk is undone and replayed a unit at a time. */
const CHUNK = 200;

/**
 * Bulk import (批量导入) of products, lots or shipments from CSV or XLSX, through the same code as the API. The
 * whole file is ONE transaction: with no bad row it commits; with a bad row it rolls back, unless `skipBadRows`,
 * when the good rows commit and the bad are reported. Rows stream through in chunks (memory stays flat); every
 * row sees the writes of the rows before it, so a file may ship lots it coded, or use them as inputs. Every bad
 * row is reported (row, column, reason), not just the first: checking goes on after an error.
 * Audit: each record keeps the audit row its use case writes (who registered this product is answered the same
 * way whatever the channel; lots coded together share one, as in a POST of many lots), and the import adds one
 * row naming the file's counts.
 */
export async function importRecords(
  ctx: ServiceContext,
  kindName: ImportKindName,
  file: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const partyId = actingPartyId(ctx, options.partyId);
  const kind = importKinds[kindName]({ ctx, checkShape: options.checkShape });
  const errors: RowError[] = [];
  let rows = 0;
  let imported = 0;
  const sheet = readSheetRows(file)[Symbol.asyncIterator]();
  try {
    await ctx.store.transactionWithSavepoints(async (tx, savepoint) => {
      const party = await findPartyById(tx, partyId);
      if (!party) throw new AppError("not-found", `no party with id ${partyId}`, { pointer: "/query/partyId" });
      const header = await sheet.next();
      if (header.done) {
        errors.push({ row: 1, column: "", reason: "the file is empty: the first row names the columns" });
        throw rollBack;
      }
      const columns = mapHeader(header.value.cells, kind.columns);
      errors.push(...columns.errors);
      if (columns.missingRequired) {
        for await (const r of restOf(sheet)) if (r.cells.some((c) => c.trim() !== "")) rows++;
        throw rollBack;
      }
      async function* fieldRows(): AsyncGenerator<FieldRow> {
        for await (const r of restOf(sheet)) {
          if (r.cells.every((c) => c.trim() === "")) continue;
          rows++;
          if (rows % CHUNK === 0) options.onProgress?.(rows);
          yield fieldRow(r.row, r.cells, columns.fields);
        }
      }
      let chunk: ImportUnit[] = [];
      const flush = async () => {
        imported += await writeChunk(tx, savepoint, kind, chunk, errors);
        chunk = [];
      };
      for await (const unit of kind.units(fieldRows(), party)) {
        if (unit.errors.length > 0) errors.push(...unit.errors);
        else chunk.push(unit);
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
      options.onProgress?.(rows);
      if (errors.length > 0 && !options.skipBadRows) throw rollBack;
      await recordAudit(
        tx,
        ctx,
        `import.${kindName}`,
        { type: "party", id: partyId },
        { rows, imported, badRows: new Set(errors.map((e) => e.row)).size },
      );
    });
  } catch (e) {
    if (e !== rollBack) throw e;
    imported = 0;
  } finally {
    await sheet.return?.(undefined);
  }
  return { rows, imported, errors: errors.sort(byRow) };
}

/** Thrown inside the transaction to undo it when the file had bad rows and the caller did not skip them. */
const rollBack = new Error("import rolled back");

function restOf(sheet: AsyncIterator<SheetRow>): AsyncIterable<SheetRow> {
  return { [Symbol.asyncIterator]: () => sheet };
}

/**
 * Writes a chunk under one savepoint, set-based when the kind can (writeMany). If a unit fails, the chunk is undone and replayed a unit at a time, each
 * under its own savepoint, so the good units stand and the transaction stays usable (on PostgreSQL a failed
 * statement would otherwise abort it). Errors other than AppError (the database gone, a bug) end the import.
 */
async function writeChunk(
  tx: Db,
  savepoint: Savepoint,
  kind: ImportKind,
  chunk: ImportUnit[],
  errors: RowError[],
): Promise<number> {
  if (chunk.length === 0) return 0;
  try {
    await savepoint(async () => {
      if (kind.writeMany) await kind.writeMany(tx, chunk);
      else for (const unit of chunk) await unit.write(tx);
    });
    return chunk.reduce((n, u) => n + u.rows.length, 0);
  } catch (e) {
    if (!isAppError(e)) throw e;
  }
  let written = 0;
  for (const unit of chunk) {
    try {
      await savepoint(() => unit.write(tx));
      written += unit.rows.length;
    } catch (e) {
      if (!isAppError(e)) throw e;
      errors.push(...unit.explain(e));
    }
  }
  return written;
}
