/**
 * Where labels go on an A4 sheet for office printers: as many columns and rows as fit inside a margin most
 * printers can reach (they cannot print the outer 4-5 mm), with a gap to cut along, the grid centred on the page.
 */

/** ISO 216 A4, in millimetres. */
export const A4 = { widthMm: 210, heightMm: 297 } as const;

export interface SheetGrid {
  readonly columns: number;
  readonly rows: number;
  readonly perPage: number;
  /** Top-left corner of each cell on a page, row by row. */
  readonly cells: readonly { readonly x: number; readonly y: number }[];
}

export function sheetGrid(labelWidthMm: number, labelHeightMm: number, marginMm = 5, gapMm = 2): SheetGrid {
  const across = (space: number, size: number) =>
    Math.max(0, Math.floor((space - 2 * marginMm + gapMm) / (size + gapMm)));
  const columns = across(A4.widthMm, labelWidthMm);
  const rows = across(A4.heightMm, labelHeightMm);
  const left = (A4.widthMm - (columns * (labelWidthMm + gapMm) - gapMm)) / 2;
  const top = (A4.heightMm - (rows * (labelHeightMm + gapMm) - gapMm)) / 2;
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      cells.push({ x: left + c * (labelWidthMm + gapMm), y: top + r * (labelHeightMm + gapMm) });
    }
  }
  return { columns, rows, perPage: columns * rows, cells };
}
