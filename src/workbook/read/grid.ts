/**
 * What a cell holds, as the readers see it, whichever library read the workbook (ExcelJS for .xlsx files,
 * Office.js in the add-in): an empty string is blank, as Excel cannot tell the two apart either.
 */
export type CellContent =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; value: Date }
  | { kind: "error"; value: string }
  /** A formula whose result was never computed (the file carries no cached value). */
  | { kind: "uncomputed" };

/**
 * One worksheet's cells, 1-based, as a source the readers can ask: the ExcelJS and Office.js
 * adapters implement it, so one set of readers serves the CLI and the task pane.
 */
export interface Grid {
  readonly name: string;
  readonly lastRow: number;
  readonly lastColumn: number;
  at(row: number, column: number): CellContent;
  /**
   * The sheet's merged ranges ("H7:J7"), when the source knows them: a merge over input cells
   * hides all but its top-left value, so the readers report it.
   */
  readonly merges?: readonly string[];
  /**
   * The first cell with content past lastRow / lastColumn, when the source stopped there (the
   * .xlsx reader reads a bounded area, src/workbook/xlsx/limits.ts): reported, never dropped silently.
   */
  readonly beyond?: {
    row: number;
    column: number;
    /** How far the source reads: rows 1…rows, columns 1…columns. */
    rows: number;
    columns: number;
  };
}

/** A date as YYYY-MM-DD (ExcelJS builds dates at UTC midnight from the serial). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * A cell's content as text, the one way StarScore writes a cell out: text as it is, numbers as
 * JavaScript writes them, logical values as Excel shows them (TRUE, FALSE), dates as ISO dates
 * (isoDate), error values as Excel writes them (#N/A); "" for a blank cell and for a formula whose
 * result was never computed.
 */
export function contentText(content: CellContent): string {
  switch (content.kind) {
    case "blank":
    case "uncomputed":
      return "";
    case "text":
    case "error":
      return content.value;
    case "number":
      return String(content.value);
    case "boolean":
      return content.value ? "TRUE" : "FALSE";
    case "date":
      return isoDate(content.value);
  }
}

/** The content of a grid's cell as text (contentText). */
export function textAt(grid: Grid, row: number, column: number): string {
  return contentText(grid.at(row, column));
}
