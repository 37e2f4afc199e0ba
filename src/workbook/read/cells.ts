import type { Localized } from "../../spec/types";
import { cellRef } from "../address";
import type { CellContent, Grid } from "./grid";
import { MESSAGES } from "./messages";

export type { CellContent, Grid } from "./grid";

/** A date as YYYY-MM-DD (ExcelJS builds dates at UTC midnight from the serial). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * One worksheet as the readers see it: cell contents by row and column, each cell's name for
 * messages ("评分!H7"), and the errors found so far.
 */
export class SheetReader {
  constructor(
    readonly grid: Grid,
    readonly errors: Localized[],
  ) {}

  get name(): string {
    return this.grid.name;
  }

  get lastRow(): number {
    return this.grid.lastRow;
  }

  get lastColumn(): number {
    return this.grid.lastColumn;
  }

  at(row: number, column: number): CellContent {
    return this.grid.at(row, column);
  }

  /** "评分!H7": how messages name a cell. */
  cellName(row: number, column: number): string {
    return `${this.name}!${cellRef(column, row)}`;
  }

  fail(message: Localized): undefined {
    this.errors.push(message);
    return undefined;
  }

  /**
   * Free text: numbers and booleans as Excel shows them, dates as ISO dates; undefined when blank.
   * An error value or an uncomputed formula is reported, since its text is unknown.
   */
  text(row: number, column: number): string | undefined {
    const content = this.at(row, column);
    switch (content.kind) {
      case "blank":
        return undefined;
      case "text":
        return content.value;
      case "number":
        return String(content.value);
      case "boolean":
        return content.value ? "TRUE" : "FALSE";
      case "date":
        return isoDate(content.value);
      case "error":
        return this.fail(MESSAGES.errorValue(this.cellName(row, column), content.value));
      case "uncomputed":
        return this.fail(MESSAGES.uncomputed(this.cellName(row, column)));
    }
  }

  /** A label-like cell (header, flag, category): its text trimmed, "" when blank or unreadable. */
  label(row: number, column: number): string {
    const content = this.at(row, column);
    if (content.kind === "text") return content.value.trim();
    if (content.kind === "number") return String(content.value);
    return "";
  }
}
