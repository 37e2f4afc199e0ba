import { parseRef } from "../address";
import type { CellContent, Grid } from "../read/grid";
import type { CellValue, SheetSpec, WorkbookLayout } from "../types";
import { foldName as fold } from "../sheet-names";

/**
 * A workbook as the integrity check sees it, whichever library read it (ExcelJS for .xlsx files,
 * Office.js in the add-in): each sheet's cells as a Grid (what each cell shows: a formula's
 * result, or "uncomputed" when a file carries none) plus each cell's formula text, and the
 * workbook-scope defined names with what they refer to.
 */
export interface SheetView extends Grid {
  /** The cell's formula ("=…" or without the "=", English function names), undefined for a constant or a blank. */
  formula(row: number, column: number): string | undefined;
}

export interface WorkbookView {
  /** The sheet with this name (as Excel matches names: case-insensitively), if any. */
  sheet(name: string): SheetView | undefined;
  /** Workbook-scope names → what each refers to ("'汇总'!$C$30", with or without a leading "="). */
  readonly names: ReadonlyMap<string, string>;
}

/** Content of a layout value, as a reader would see the cell. */
export function contentOfValue(value: CellValue | undefined): CellContent {
  if (value === undefined || value === null || value === "") return { kind: "blank" };
  switch (typeof value) {
    case "number":
      return { kind: "number", value };
    case "boolean":
      return { kind: "boolean", value };
    case "string":
      return { kind: "text", value };
  }
}

/** One sheet of a layout as a view: constants as values, formulas with their cached results. */
export function layoutSheetView(spec: SheetSpec): SheetView {
  const cells = new Map<string, { formula?: string; content: CellContent }>();
  let lastRow = 0;
  let lastColumn = 0;
  for (const cell of spec.cells) {
    const { row, column } = parseRef(cell.ref);
    const content =
      cell.formula !== undefined
        ? cell.cached === undefined
          ? ({ kind: "uncomputed" } as const)
          : contentOfValue(cell.cached)
        : contentOfValue(cell.value);
    if (content.kind === "blank" && cell.formula === undefined) continue;
    cells.set(`${row}:${column}`, { ...(cell.formula !== undefined && { formula: cell.formula }), content });
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  return {
    name: spec.name,
    lastRow,
    lastColumn,
    at: (row, column) => cells.get(`${row}:${column}`)?.content ?? { kind: "blank" },
    formula: (row, column) => cells.get(`${row}:${column}`)?.formula,
  };
}

/** The workbook a layout describes, as a view: what a writer would produce. */
export function layoutView(layout: WorkbookLayout): WorkbookView {
  const sheets = new Map(layout.sheets.map((spec) => [fold(spec.name), layoutSheetView(spec)]));
  return {
    sheet: (name) => sheets.get(fold(name)),
    names: new Map(layout.names.map(({ name, ref }) => [name, ref])),
  };
}
