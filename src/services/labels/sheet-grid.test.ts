import { describe, expect, it } from "vitest";
import { A4, sheetGrid } from "./sheet-grid.ts";

describe("sheetGrid", () => {
  it.each([
    [70, 50, 2, 5],
    [50, 30, 3, 9],
  ])("puts %d×%d mm labels %d across and %d down on A4, inside the margins", (w, h, columns, rows) => {
    const grid = sheetGrid(w, h);
    expect([grid.columns, grid.rows, grid.perPage]).toEqual([columns, rows, columns * rows]);
    for (const cell of grid.cells) {
      expect(cell.x).toBeGreaterThanOrEqual(5);
      expect(cell.y).toBeGreaterThanOrEqual(5);
      expect(cell.x + w).toBeLessThanOrEqual(A4.widthMm - 5);
      expect(cell.y + h).toBeLessThanOrEqual(A4.heightMm - 5);
    }
    // Centred: the left and right margins are equal.
    const last = grid.cells[grid.cells.length - 1]!;
    expect(grid.cells[0]!.x).toBeCloseTo(A4.widthMm - (last.x + w));
  });
});
