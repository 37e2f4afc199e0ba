import { cellRef, columnIndex, columnLetter, parseRef } from "./address";
import { AUDIT_LAYOUT } from "./audit/log";
import { ENGINE_CHECK, RESULT_FIELDS, resultRow, summaryRows } from "./sheets/summary";
import type { ColumnSpec, DefinedNameSpec, SheetKey, SheetSpec, WorkbookLayout } from "./types";

/**
 * What the task pane writes into a workbook after it was generated, laid out so that it writes
 * values only, into cells left unlocked, and never lifts a sheet's protection: in Excel,
 * WorksheetProtection.protect and unprotect clear the user's undo stack (learn.microsoft.com/
 * office/dev/add-ins/excel/excel-add-ins-undo-capabilities, "Unsupported APIs"), and an auditor
 * must keep Ctrl+Z.
 *
 * - Highlights. The cells Validate or Compute found at fault are listed, one key a cell, in hidden
 *   columns of the Rules sheet (MARKS, the defined name StarScore_Marks). Two conditional formats
 *   at the top of each marked sheet's priority order colour the cells whose key is listed ("E …"
 *   error, "W …" warning), with stopIfTrue, so the layout's own conditional formats below them do
 *   not apply to a highlighted cell. A protected sheet keeps evaluating its conditional formats
 *   (support.microsoft.com, "Lock or unlock specific areas of a protected worksheet": "If you
 *   applied conditional formats before you protected the worksheet, the formatting continues to
 *   change"). The formula is COUNTIF over the name, one key per cell: no array evaluation, no
 *   reference to another sheet inside a conditional format (Excel 2007 refuses one, and later
 *   versions move such rules into an extension of the file that ExcelJS does not write back), and
 *   no cell longer than COUNTIF's 255-character criteria.
 * - The engine check beside the Summary's live figures (compute): unlocked cells.
 * - The audit log's rows (validate, compute append one each): the log's columns are unlocked
 *   below what the layout writes, as a column's format (ColumnSpec.unlocked), so there is no end
 *   to the rows the pane can append and no cell to store for each of them.
 *
 * A key names a cell by what it is where rows can move: on the Scoring sheet by the text of its
 * row's column A (an item's or indicator's code) when there is one, so a highlight follows its row
 * when the user sorts; everywhere else by row number. Then the column number:
 * "scoring!B3!8", "info!5!2".
 */
export const MARKS = {
  sheet: "rules" as SheetKey,
  column: "Z",
  /** Columns Z…AC: four keys a row keep the store within 500 rows. */
  columns: 4,
  labelRow: 1,
  firstRow: 2,
  rows: 500,
  /** The defined name the conditional formats count in (workbook scope). */
  name: "StarScore_Marks",
  /** Told apart from the store of workbooks made before (fills and multi-line cells) by its text. */
  label:
    "StarScore: highlighted cells, one a row, shown by conditional formats (do not edit) / 任务窗格标记的单元格，每行一个（请勿编辑）",
} as const;

export const MARK_FILLS = { error: "FF8080", warning: "FFC000" } as const;

/** The sheets whose cells can be highlighted (issues and integrity differences). */
export const MARKED_SHEETS: readonly SheetKey[] = ["info", "scoring", "special", "summary"];

/** At most this many cells are highlighted at once; the pane's list still names every issue. */
export const MARKS_CAPACITY = MARKS.rows * MARKS.columns;

export function marksRange(): string {
  const last = columnLetter(columnIndex(MARKS.column) + MARKS.columns - 1);
  return `${MARKS.column}${MARKS.firstRow}:${last}${MARKS.firstRow + MARKS.rows - 1}`;
}

/** The store's columns, "Z"…"AC". */
function marksColumns(): string[] {
  const first = columnIndex(MARKS.column);
  return Array.from({ length: MARKS.columns }, (_, i) => columnLetter(first + i));
}

export function markKey(sheet: SheetKey, rowKey: string | number, column: number): string {
  return `${sheet}!${rowKey}!${column}`;
}

/** What the store cell holds for a mark. */
export function markLine(mark: "error" | "warning", key: string): string {
  return `${mark === "error" ? "E" : "W"} ${key}`;
}

/**
 * The key formula as a conditional format on a range starting at A1 evaluates it for each cell
 * (relative references move with the cell, ROW() and COLUMN() are the cell's own).
 */
function keyFormula(sheet: SheetKey): string {
  const row = sheet === "scoring" ? `IF(ISTEXT($A1),$A1,ROW())` : "ROW()";
  return `"${sheet}!"&${row}&"!"&COLUMN()`;
}

/** The highlight rule's formula for one kind of mark, relative to A1. */
export function markFormula(sheet: SheetKey, mark: "error" | "warning"): string {
  return `=COUNTIF(${MARKS.name},"${mark === "error" ? "E" : "W"} "&${keyFormula(sheet)})>0`;
}

/**
 * Whether the pane writes this cell of the layout after generating (the store, the engine check,
 * the audit log): such cells are the pane's, not StarScore's formulas or catalogue, and the
 * integrity check leaves them alone.
 */
export function isPaneCell(sheet: SheetKey, ref: string): boolean {
  const { row, column } = parseRef(ref);
  if (sheet === MARKS.sheet) {
    const first = columnIndex(MARKS.column);
    return column >= first && column < first + MARKS.columns;
  }
  if (sheet === "summary") return engineCheckCells().includes(ref);
  return sheet === "audit" && row >= AUDIT_LAYOUT.firstRow;
}

/** The layout's names the pane alone relies on (the integrity check leaves them alone too). */
export const PANE_NAMES: readonly string[] = [MARKS.name];

/** The layout with the highlight store, its conditional formats and the pane's unlocked cells. */
export function withPaneWrites(layout: WorkbookLayout): WorkbookLayout {
  const rules = layout.sheets.find((s) => s.key === MARKS.sheet);
  const store: DefinedNameSpec | undefined = rules && {
    name: MARKS.name,
    ref: `'${rules.name.replace(/'/g, "''")}'!${absolute(marksRange())}`,
  };
  const sheets = layout.sheets.map((spec) => {
    if (spec.key === MARKS.sheet) return withStore(spec);
    let next = store && MARKED_SHEETS.includes(spec.key) ? withHighlightFormats(spec) : spec;
    if (spec.key === "summary") next = unlocked(next, engineCheckCells());
    if (spec.key === "audit") next = withUnlockedColumns(next, auditColumns());
    return next;
  });
  return { ...layout, sheets, names: [...layout.names, ...(store ? [store] : [])] };
}

function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function withStore(spec: SheetSpec): SheetSpec {
  const labelled = {
    ...spec,
    cells: [...spec.cells, { ref: cellRef(columnIndex(MARKS.column), MARKS.labelRow), value: MARKS.label }],
  };
  return withUnlockedColumns(labelled, marksColumns(), { width: 12, hidden: true });
}

/** Columns whose cells the layout does not list are unlocked (the listed ones keep their own lock). */
function withUnlockedColumns(
  spec: SheetSpec,
  letters: readonly string[],
  fresh: Omit<ColumnSpec, "col"> = { width: 12 },
): SheetSpec {
  const columns = spec.columns.map((c) => (letters.includes(c.col) ? { ...c, unlocked: true } : c));
  for (const col of letters) {
    if (!columns.some((c) => c.col === col)) columns.push({ col, ...fresh, unlocked: true });
  }
  return { ...spec, columns };
}

function withHighlightFormats(spec: SheetSpec): SheetSpec {
  let lastRow = 1;
  let lastColumn = 1;
  for (const cell of spec.cells) {
    const { row, column } = parseRef(cell.ref);
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  const range = `A1:${columnLetter(lastColumn)}${lastRow}`;
  return {
    ...spec,
    // First in the list is highest in priority (both writers keep the order).
    conditionalFormats: [
      { range, formula: markFormula(spec.key, "error"), fill: MARK_FILLS.error, stopIfTrue: true },
      { range, formula: markFormula(spec.key, "warning"), fill: MARK_FILLS.warning, stopIfTrue: true },
      ...spec.conditionalFormats,
    ],
  };
}

/** The cells the pane writes into, unlocked (created empty where the layout has none). */
function unlocked(spec: SheetSpec, refs: readonly string[]): SheetSpec {
  const wanted = new Set(refs);
  const cells = spec.cells.map((c) => (wanted.has(c.ref) ? { ...c, input: true } : c));
  const present = new Set(spec.cells.map((c) => c.ref));
  for (const ref of refs) if (!present.has(ref)) cells.push({ ref, input: true });
  return { ...spec, cells };
}

function engineCheckCells(): string[] {
  const { rows, totalRow } = summaryRows();
  const refs: string[] = [];
  for (let row = rows[0]!.row; row <= totalRow; row++) refs.push(`${ENGINE_CHECK.indicatorColumn}${row}`);
  for (const field of RESULT_FIELDS) refs.push(`${ENGINE_CHECK.resultColumn}${resultRow(field)}`);
  return refs;
}

function auditColumns(): string[] {
  return Array.from({ length: AUDIT_LAYOUT.columns }, (_, i) => columnLetter(i + 1));
}
