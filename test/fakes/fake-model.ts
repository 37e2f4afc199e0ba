import { columnIndex, cellRef } from "../../src/workbook/address";

/**
 * The fake Excel's workbook: what the writer's requests did, cell by cell, for tests to compare
 * with the layout. Plain data and browser-safe (no Node APIs): it also backs the in-page fake host.
 */
export interface BorderEdge {
  style?: string;
  weight?: string;
  color?: string;
}

export type Side = "top" | "bottom" | "left" | "right";

/** What a formula computed: the fake does not calculate, tests set it (see fake-values.ts). */
export type FakeResult = string | number | boolean | { error: string };

export interface FakeCell {
  /** A constant (text without the apostrophe that marked it as text). */
  value?: string | number | boolean;
  /** An error constant, e.g. "#REF!" (typed, or left by a deleted reference). */
  error?: string;
  /** The formula in A1, as Excel shows it (a formula written in R1C1 is shown in A1). */
  formula?: string;
  /** The formula's computed value; a formula without one reads as blank. */
  result?: FakeResult;
  /** Written with a leading apostrophe: Excel keeps the text as typed. */
  quotePrefix?: boolean;
  numberFormat?: string;
  fill?: string;
  font: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders: Partial<Record<Side, BorderEdge>>;
  /** Excel's default: every cell locked. */
  locked: boolean;
}

export interface FakeValidation {
  range: string;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormat {
  range: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  name?: string;
  title?: string;
  legendVisible?: boolean;
  series: {
    name?: string;
    xAxisValues?: string;
    color?: string;
    gapWidth?: number;
  };
  categoryAxis: { reversePlotOrder?: boolean };
  valueAxis: { minimum?: number; maximum?: number; numberFormat?: string };
  position?: { start: string; end?: string };
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  /**
   * Column formats: width, hidden, and `locked` when a whole column's protection format was set
   * (a cell created later in the column takes it: ECMA-376 Part 1, §18.3.1.13 col, @style,
   * "Default style for the affected column(s). Affects cells not yet allocated in the column(s)").
   */
  readonly columns = new Map<number, { width?: number; hidden?: boolean; locked?: boolean }>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: string[] = [];
  freeze?: { rows: number; columns: number };
  readonly validations: FakeValidation[] = [];
  /** In priority order, highest first. */
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly charts: FakeChart[] = [];
  protection?: { options?: unknown; password?: string };
  autoFilter?: string;
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: unknown;
    printArea?: string;
    printTitleRows?: string;
    /** In points, by side: top, bottom, left, right, header, footer. */
    margins?: Record<string, number>;
  } = {};
  visibility = "Visible";

  constructor(public name: string) {}

  /** The cell, created (empty, locked unless its column's format says otherwise) when first touched. */
  cell(row: number, column: number): FakeCell {
    const ref = cellRef(column, row);
    let cell = this.cells.get(ref);
    if (!cell) {
      cell = { font: {}, borders: {}, locked: this.columns.get(column)?.locked ?? true };
      this.cells.set(ref, cell);
    }
    return cell;
  }

  /** Whether a cell is locked, touched or not (Excel's default: every cell locked). */
  isLocked(row: number, column: number): boolean {
    return this.cells.get(cellRef(column, row))?.locked ?? this.columns.get(column)?.locked ?? true;
  }

  /** The cell if anything was ever written to it. */
  peek(ref: string): FakeCell | undefined {
    return this.cells.get(ref.replace(/\$/g, ""));
  }
}

export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  /** Defined names → reference as given to names.add. */
  readonly names = new Map<string, string>();
  activeSheet?: string;
  /**
   * Application.calculationMode (ExcelApi 1.1 to read). In "Manual" nothing recalculates until
   * application.calculate or the user's F9: formula results stay what they were (the fake never
   * calculates by itself; see fake-values.ts).
   */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";

  /**
   * A sheet renamed: every formula and defined name that refers to it follows the new name, as
   * Excel does when a sheet is renamed.
   */
  renameReferences(from: string, to: string): void {
    const prefix = sheetPrefix(to);
    this.rewrite(from, () => `${prefix}!`);
  }

  /**
   * A sheet deleted: every formula and defined name that referred to it now refers to #REF!
   * ("=#REF!H7") and shows the #REF! error: support.microsoft.com, "How to correct a #REF! error"
   * ("The #REF! error shows when a formula refers to a cell that's not valid. This happens most
   * often when cells that were referenced by formulas get deleted").
   */
  breakReferences(name: string): void {
    const broken = this.rewrite(name, () => "#REF!");
    for (const cell of broken) cell.result = { error: "#REF!" };
  }

  /** Replaces `'Name'!` / `Name!` in formulas and names; the cells changed. */
  private rewrite(name: string, by: () => string): FakeCell[] {
    const quoted = `'${name.replace(/'/g, "''")}'`;
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(?:${escape(quoted)}|(?<![\\p{L}\\p{N}_.'])${escape(name)})!`, "giu");
    const changed: FakeCell[] = [];
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.formula === undefined) continue;
        const next = cell.formula.replace(pattern, by);
        if (next !== cell.formula) {
          cell.formula = next;
          changed.push(cell);
        }
      }
    }
    for (const [key, reference] of this.names) this.names.set(key, reference.replace(pattern, by));
    return changed;
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === key);
  }

  name(name: string): string | undefined {
    const key = name.toUpperCase();
    return [...this.names].find(([n]) => n.toUpperCase() === key)?.[1];
  }
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** "A:C" or "3:4": whole columns or whole rows. */
  whole?: "columns" | "rows";
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** "B7", "$A$1:C3", "H:GY", "3:4" → its bounds (1-based). */
export function parseAddress(address: string): Bounds {
  const [first, second = first] = address.replace(/\$/g, "").split(":") as [string, string?];
  const cell = /^([A-Z]+)(\d+)$/i;
  const a = cell.exec(first);
  const b = cell.exec(second);
  if (a && b) {
    return {
      top: Math.min(Number(a[2]), Number(b[2])),
      bottom: Math.max(Number(a[2]), Number(b[2])),
      left: Math.min(columnIndex(a[1]!), columnIndex(b[1]!)),
      right: Math.max(columnIndex(a[1]!), columnIndex(b[1]!)),
    };
  }
  if (/^[A-Z]+$/i.test(first) && /^[A-Z]+$/i.test(second)) {
    return {
      top: 1,
      bottom: MAX_ROWS,
      left: columnIndex(first),
      right: columnIndex(second),
      whole: "columns",
    };
  }
  if (/^\d+$/.test(first) && /^\d+$/.test(second)) {
    return { top: Number(first), bottom: Number(second), left: 1, right: MAX_COLUMNS, whole: "rows" };
  }
  throw new Error(`InvalidArgument: not a range address: ${address}`);
}

/** A sheet name as Excel writes it before "!": quoted when it is not a plain word. */
export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
