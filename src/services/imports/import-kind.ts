import type { AppError } from "../../core/errors.ts";
import type { Party } from "../../core/parties/party.ts";
import type { Db } from "../../store/schema.ts";
import type { ServiceContext } from "../service-context.ts";
import type { ColumnSet, FieldRow } from "./import-columns.ts";
import type { RowError } from "./import-report.ts";

export type ImportKindName = "products" | "lots" | "shipments";

/** The parts of the API's request bodies an import row fills in. */
export type ShapePart = "product" | "lot" | "shipmentLine" | "shipmentReceiverParty" | "shipmentReceiverBuyer";

/**
 * The API's schema check of one part of a request body (the route schemas, compiled by the interface layer):
 * the problems as a path below the part ("/name") and a message. Rows are checked with it before the use case's
 * own rules run, exactly as a request is.
 */
export type ShapeCheck = (part: ShapePart, value: unknown) => readonly { path: string; message: string }[];

/** What one import writes at a time: one record, from one row or from the rows of one shipment. */
export interface ImportUnit {
  /** The file rows this unit writes. */
  readonly rows: readonly number[];
  /** Problems found before touching the database; a unit with any is not written. */
  readonly errors: readonly RowError[];
  /** Writes the record through the use case's own code, inside the import's transaction. */
  write(tx: Db): Promise<void>;
  /** The bad rows an error thrown by write() stands for. */
  explain(error: AppError): RowError[];
}

/** One kind of import: its columns, and how rows become units. */
export interface ImportKind {
  readonly columns: ColumnSet;
  units(rows: AsyncIterable<FieldRow>, party: Party): AsyncIterable<ImportUnit>;
  /**
   * Writes several units at once through the use case's many-record form (set-based, as an API request of many
   * records is), with the same result as writing them one after another. Optional: without it, or when it throws,
   * the units are written one at a time.
   */
  writeMany?(tx: Db, units: readonly ImportUnit[]): Promise<void>;
}

export interface KindContext {
  readonly ctx: ServiceContext;
  readonly checkShape: ShapeCheck;
}

/** Row errors from the API's schema check of `value`; `columnOf` names the column of a path. */
export function shapeErrors(
  env: KindContext,
  part: ShapePart,
  value: unknown,
  row: number,
  columnOf: (path: string) => string = (p) => p.split("/")[1] ?? "",
): RowError[] {
  return env.checkShape(part, value).map((p) => ({ row, column: columnOf(p.path), reason: p.message }));
}

/**
 * The field errors of a use case's AppError as row errors: each pointer below `base` names a column (the first
 * segment after it, through `rename` for fields the file spells differently); an error without one blames the row.
 */
export function errorsOfRow(
  error: AppError,
  row: number,
  base: string,
  rename: Readonly<Record<string, string>> = {},
): RowError[] {
  const list = error.errors.length > 0 ? error.errors : [{ pointer: error.pointer ?? "", detail: error.message }];
  return list.map((fe) => {
    const field = fe.pointer.startsWith(`${base}/`) ? (fe.pointer.slice(base.length + 1).split("/")[0] ?? "") : "";
    return { row, column: rename[field] ?? field, reason: fe.detail };
  });
}
