import type { Localised } from "../../spec/types";
import { cellRef } from "../address";
import { contentText, type CellContent, type Grid } from "./grid";
import type { ReadIssue } from "./issues";
import { MESSAGES } from "./messages";

export type { CellContent, Grid } from "./grid";

/**
 * Why a workbook cannot be read back as an assessment: a message, and the cell it is about when
 * there is one (sheet name and A1 address).
 */
export interface ReadProblem {
  message: Localised;
  sheet?: string;
  /** A1 address on `sheet`, e.g. "H7". */
  ref?: string;
}

/**
 * What the readers found, in the order they found it: problems that stop the read (a missing
 * header, an unknown assessment type) and issues that do not (an entry cell holding text, an error
 * or a date is reported and read as blank, so that the rest is still scored).
 */
export class ReadLog {
  readonly problems: ReadProblem[] = [];
  readonly issues: ReadIssue[] = [];
  /** Every message, problems and issues alike, in the order they were found. */
  readonly messages: Localised[] = [];

  fail(problem: ReadProblem): void {
    this.problems.push(problem);
    this.messages.push(problem.message);
  }

  report(issue: ReadIssue): void {
    this.issues.push(issue);
    this.messages.push(issue.message);
  }
}

/**
 * One worksheet as the readers see it: cell contents by row and column, each cell's name for
 * messages ("评分!H7"), and the log of what was found so far.
 */
export class SheetReader {
  constructor(
    readonly grid: Grid,
    readonly log: ReadLog,
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

  /** A problem that stops the read; about the cell at row, column when given. */
  fail(message: Localised, row?: number, column?: number): undefined {
    this.log.fail({
      message,
      ...(row !== undefined && column !== undefined && { sheet: this.name, ref: cellRef(column, row) }),
    });
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
      case "error":
        return this.fail(MESSAGES.errorValue(this.cellName(row, column), content.value), row, column);
      case "uncomputed":
        return this.fail(MESSAGES.uncomputed(this.cellName(row, column)), row, column);
      default:
        return contentText(content);
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
