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
}
