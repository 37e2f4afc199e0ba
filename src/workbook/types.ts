import type { Lang } from "../spec/types";

/**
 * The workbook as data: one layout that both writers (Office.js in the add-in, ExcelJS for .xlsx)
 * consume, so the two can never drift apart. Every address is A1 style on its own sheet; formulas
 * are in English function names with a leading "=", using classic functions only (Excel 2016).
 */
export type SheetKey = "info" | "scoring" | "special" | "summary" | "plan" | "report" | "rules" | "audit";

export type CellValue = string | number | boolean | null;

/** The look of a cell, by role; writers map each to fonts, fills and borders. */
export type StyleKey =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "text"
  | "wrap"
  | "input"
  | "inputText"
  | "primaryRow"
  | "indicatorRow"
  | "total"
  | "result"
  | "grade"
  | "muted";

export interface CellSpec {
  /** A1 address on the sheet, e.g. "H7". */
  ref: string;
  /** A constant: user text and catalogue text are always values, never formulas. */
  value?: CellValue;
  /** A formula, "=…", English function names. */
  formula?: string;
  /** The value the formula computes, written as the cached result so viewers that do not recalculate show it. */
  cached?: CellValue;
  numFmt?: string;
  style?: StyleKey;
  /** Inputs are unlocked; everything else stays locked under sheet protection. */
  input?: boolean;
}

export interface ColumnSpec {
  /** Column letter(s). */
  col: string;
  width: number;
  hidden?: boolean;
  /**
   * The column's format unlocks its cells, so that under sheet protection every cell of the
   * column that the layout does not list can take values (the cells the layout lists keep their
   * own lock). Stored as the column's style: "Default style for the affected column(s). Affects
   * cells not yet allocated in the column(s)" (ECMA-376 Part 1, §18.3.1.13 col, @style).
   */
  unlocked?: boolean;
}

export interface ValidationSpec {
  /** A1 range the rule applies to. */
  range: string;
  kind: "list" | "custom" | "decimal";
  /** list: a range reference "=Sheet!$A$1:$A$4"; custom: a formula for the range's top-left cell; decimal: minimum. */
  formula1: string;
  /** decimal: maximum. */
  formula2?: string;
  allowBlank: boolean;
  /** Stop alert, in both languages (Excel shows only one title and message, so the message holds both). */
  errorTitle: string;
  error: string;
  promptTitle?: string;
  prompt?: string;
}

export interface ConditionalFormatSpec {
  range: string;
  /** A formula for the range's top-left cell; true applies the fill. */
  formula: string;
  fill: string;
  fontColor?: string;
  /** Later rules do not apply when this one matches. */
  stopIfTrue?: boolean;
}

export interface PrintSpec {
  orientation: "portrait" | "landscape";
  fitToWidth: boolean;
  fitToHeight?: boolean;
  /** Rows repeated on every page, e.g. "3:4". */
  titleRows?: string;
  area?: string;
  /** Page margins in inches (OOXML pageMargins); the host's default when absent. */
  margins?: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

export interface ChartSpec {
  kind: "barClustered";
  title: string;
  /** Category labels range and value range (same sheet), e.g. "B5:B19" and "F5:F19". */
  categories: string;
  values: string;
  seriesName: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  from: string;
  to: string;
}

export interface SheetSpec {
  key: SheetKey;
  name: string;
  cells: CellSpec[];
  columns: ColumnSpec[];
  merges: string[];
  /** Rows and columns frozen at the top-left. */
  freeze?: { rows: number; columns: number };
  autoFilter?: string;
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Sheet protection: formulas and catalogue text locked, inputs unlocked. */
  protect: boolean;
  print: PrintSpec;
  chart?: ChartSpec;
  hidden?: boolean;
  /** Row heights in points, by row number. */
  rowHeights?: Record<number, number>;
}

export interface DefinedNameSpec {
  name: string;
  /** Absolute reference with the quoted sheet name, e.g. "'汇总'!$C$30" (a range for StarScore_Marks). */
  ref: string;
}

export interface WorkbookLayout {
  lang: Lang;
  layoutVersion: number;
  sheets: SheetSpec[];
  names: DefinedNameSpec[];
}
