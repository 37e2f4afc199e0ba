import { cellRef, parseRef } from "../../../src/workbook/address";
import type { CellContent, Grid } from "../../../src/workbook/read/grid";

/** A Grid from cells by A1 address (strings are text, numbers numbers), as a reader would give it. */
export function gridOf(name: string, cells: Record<string, string | number | boolean>): Grid {
  const map = new Map<string, CellContent>();
  let lastRow = 0;
  let lastColumn = 0;
  for (const [ref, value] of Object.entries(cells)) {
    if (value === "") continue;
    const { row, column } = parseRef(ref);
    map.set(cellRef(column, row), contentOf(value));
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  return {
    name,
    lastRow,
    lastColumn,
    at: (row, column) => map.get(cellRef(column, row)) ?? { kind: "blank" },
  };
}

function contentOf(value: string | number | boolean): CellContent {
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  return { kind: "text", value };
}

/** Rows of values from row `first`, column A on. */
export function rowsAt(
  first: number,
  rows: readonly (readonly (string | number)[])[],
): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  rows.forEach((row, r) => row.forEach((value, c) => (cells[cellRef(c + 1, first + r)] = value)));
  return cells;
}
