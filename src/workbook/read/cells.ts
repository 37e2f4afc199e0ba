import type ExcelJS from "exceljs";
import type { Localized } from "../../spec/types";
import { cellRef } from "../address";
import { MESSAGES } from "./messages";

/**
 * What a cell holds, whatever way ExcelJS represents it: a formula reads as its cached result,
 * rich text and hyperlinks as their text, and an empty string as blank (Excel cannot tell the two
 * apart either).
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

type Raw = ExcelJS.CellValue | undefined;

export function contentOf(value: Raw): CellContent {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return value === "" ? { kind: "blank" } : { kind: "text", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) return { kind: "date", value };
  if ("error" in value) return { kind: "error", value: String(value.error) };
  if ("richText" in value) return contentOf(value.richText.map((run) => run.text).join(""));
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: Raw }).result;
    if (result === undefined) return { kind: "uncomputed" };
    return contentOf(result);
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: Raw }).text;
    return contentOf(text);
  }
  return { kind: "blank" };
}

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
    readonly ws: ExcelJS.Worksheet,
    readonly errors: Localized[],
  ) {}

  get name(): string {
    return this.ws.name;
  }

  get lastRow(): number {
    return this.ws.rowCount;
  }

  get lastColumn(): number {
    return this.ws.columnCount;
  }

  at(row: number, column: number): CellContent {
    return contentOf(this.ws.getRow(row).getCell(column).value);
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
