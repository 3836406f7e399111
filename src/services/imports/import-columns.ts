import type { RowError } from "./import-report.ts";

/** The columns of one kind of import: each API field with the headers accepted for it (English and Chinese). */
export interface ColumnSet {
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  /** Groups of which the file must have at least one column each (e.g. a product by id, GTIN or name). */
  readonly required: readonly (readonly string[])[];
}

/** A row by API field name: trimmed, empty cells left out (an empty cell is an absent value, as in the API). */
export interface FieldRow {
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Headers compare without case, spaces, underscores, hyphens or brackets: "Product GTIN" = "product_gtin". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, "");
}

export interface HeaderMap {
  /** The field of each column, undefined for a column that is ignored. */
  readonly fields: readonly (string | undefined)[];
  readonly errors: readonly RowError[];
  /** A required column is missing: every row would fail the same way, so rows are counted, not checked. */
  readonly missingRequired: boolean;
}

/** Reads the header row: unknown and repeated columns are errors of row 1 (a typo must not drop data silently). */
export function mapHeader(cells: readonly string[], set: ColumnSet): HeaderMap {
  const lookup = new Map<string, string>();
  for (const [field, names] of Object.entries(set.aliases)) {
    lookup.set(normaliseHeader(field), field);
    for (const n of names) lookup.set(normaliseHeader(n), field);
  }
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const fields = cells.map((cell) => {
    const key = normaliseHeader(cell);
    if (key === "") return undefined;
    const field = lookup.get(key);
    if (!field) {
      errors.push({ row: 1, column: cell.trim(), reason: `unknown column '${cell.trim()}'` });
      return undefined;
    }
    if (seen.has(field)) {
      errors.push({ row: 1, column: field, reason: `column ${field} appears twice` });
      return undefined;
    }
    seen.add(field);
    return field;
  });
  let missingRequired = false;
  for (const group of set.required) {
    if (group.some((f) => seen.has(f))) continue;
    missingRequired = true;
    errors.push({ row: 1, column: group[0] as string, reason: `the file needs a column ${group.join(" or ")}` });
  }
  return { fields, errors, missingRequired };
}

export function fieldRow(row: number, cells: readonly string[], fields: readonly (string | undefined)[]): FieldRow {
  const values: Record<string, string> = {};
  for (const [i, field] of fields.entries()) {
    const v = cells[i]?.trim();
    if (field && v) values[field] = v;
  }
  return { row, values };
}

const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const truthy = new Set(["1", "true", "yes", "y", "是", "√"]);

/**
 * Typed reads of a row's cells, collecting what cannot be read. Only the conversion from text lives here (what
 * JSON would carry as a number or a boolean); the rules themselves are the API's.
 */
export class CellReader {
  readonly errors: RowError[] = [];
  constructor(readonly source: FieldRow) {}

  text(field: string): string | undefined {
    return this.source.values[field];
  }

  number(field: string): number | undefined {
    const v = this.text(field);
    if (v === undefined) return undefined;
    if (!decimal.test(v)) {
      this.errors.push({ row: this.source.row, column: field, reason: `'${v}' is not a number` });
      return undefined;
    }
    return Number(v);
  }

  flag(field: string): boolean {
    return truthy.has((this.text(field) ?? "").toLowerCase());
  }
}
