/** One bad row of an import: where it is in the file and why it was refused. */
export interface RowError {
  /** Row number as the user sees it in the file, the header being row 1. */
  readonly row: number;
  /** The column at fault, by its API field name ("productionDate"); empty when the whole row is at fault. */
  readonly column: string;
  readonly reason: string;
}

/** What an import did: rows read (header excluded), rows written, and every bad row. */
export interface ImportReport {
  readonly rows: number;
  readonly imported: number;
  readonly errors: readonly RowError[];
}

export function byRow(a: RowError, b: RowError): number {
  return a.row - b.row;
}
