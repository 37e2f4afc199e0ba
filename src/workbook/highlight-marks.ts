import { cellRef, columnIndex, columnLetter, parseRef } from "./address";
import { AUDIT_LAYOUT } from "./audit/log";
import { ENGINE_CHECK, RESULT_FIELDS, resultRow, summaryRows } from "./sheets/summary";
import type { CellSpec, SheetKey, SheetSpec, WorkbookLayout } from "./types";

/**
 * What the task pane writes into a workbook after it was generated, laid out so that it writes
 * values only, into cells left unlocked, and never lifts a sheet's protection: in Excel,
 * WorksheetProtection.protect and unprotect clear the user's undo stack (learn.microsoft.com/
 * office/dev/add-ins/excel/excel-add-ins-undo-capabilities), and an auditor must keep Ctrl+Z.
 *
 * - Highlights. The cells Validate or Compute found at fault are listed, one key a cell, in a
 *   hidden column of the Rules sheet (MARKS). Two conditional formats
 *   at the top of each input sheet's priority order colour the cells whose key is listed ("E …"
 *   error, "W …" warning). A conditional format's fill shows over the cell's own fill, and over
 *   the layout's own conditional formats below it in priority, so a highlight is always visible;
 *   a protected sheet keeps evaluating its conditional formats ("If you applied conditional formats
 *   before you protected the worksheet, the formatting continues to change", support.microsoft.com,
 *   "Lock or unlock specific areas of a protected worksheet"). COUNTIF with one key per cell: no
 *   array evaluation, and no cell longer than COUNTIFS's 255-character criteria.
 * - The engine check beside the Summary's live figures (compute).
 * - The audit log's next rows (validate, compute).
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
  /** Told apart from the store of workbooks made before (fills and multi-line cells) by its text. */
  label:
    "StarScore: highlighted cells, one a row, shown by conditional formats (do not edit) / 任务窗格标记的单元格，每行一个（请勿编辑）",
} as const;

export const MARK_FILLS = { error: "FF8080", warning: "FFC000" } as const;

/** The sheets whose cells can be highlighted (issues and integrity differences). */
export const MARKED_SHEETS: readonly SheetKey[] = ["info", "scoring", "special", "summary"];

/** Audit log rows left unlocked below the header for the pane to append to. */
export const AUDIT_APPEND_ROWS = 1_000;

/** At most this many cells are highlighted at once; the pane's list still names every issue. */
export const MARKS_CAPACITY = MARKS.rows * MARKS.columns;

export function marksRange(): string {
  const last = columnLetter(columnIndex(MARKS.column) + MARKS.columns - 1);
  return `${MARKS.column}${MARKS.firstRow}:${last}${MARKS.firstRow + MARKS.rows - 1}`;
}

export function markKey(sheet: SheetKey, rowKey: string | number, column: number): string {
  return `${sheet}!${rowKey}!${column}`;
}

/** What the store cell holds for a mark. */
export function markLine(mark: "error" | "warning", key: string): string {
  return `${mark === "error" ? "E" : "W"} ${key}`;
}

/** The key formula of a sheet's top-left cell, as the conditional format evaluates it per cell. */
function keyFormula(sheet: SheetKey): string {
  const row = sheet === "scoring" ? `IF(ISTEXT($A1),$A1,ROW())` : "ROW()";
  return `"${sheet}!"&${row}&"!"&COLUMN()`;
}

/** The layout with the highlight store, its conditional formats and the pane's unlocked cells. */
export function withPaneWrites(layout: WorkbookLayout): WorkbookLayout {
  const rules = layout.sheets.find((s) => s.key === MARKS.sheet);
  // The store by its sheet-qualified address (Excel 2010 and later take other sheets' cells in a
  // conditional format's formula; a defined name would be one more name for verify to check).
  const store = rules && `'${rules.name.replace(/'/g, "''")}'!${absolute(marksRange())}`;
  const sheets = layout.sheets.map((spec) => {
    if (spec.key === MARKS.sheet) return withStore(spec);
    let next = store && MARKED_SHEETS.includes(spec.key) ? withHighlightFormats(spec, store) : spec;
    if (spec.key === "summary") next = unlocked(next, engineCheckCells());
    if (spec.key === "audit") next = unlocked(next, auditAppendCells());
    return next;
  });
  return { ...layout, sheets };
}

function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function withStore(spec: SheetSpec): SheetSpec {
  const first = columnIndex(MARKS.column);
  const letters = Array.from({ length: MARKS.columns }, (_, i) => columnLetter(first + i));
  const cells: CellSpec[] = [...spec.cells, { ref: cellRef(first, MARKS.labelRow), value: MARKS.label }];
  for (let i = 0; i < MARKS.rows; i++) {
    for (const letter of letters) cells.push({ ref: `${letter}${MARKS.firstRow + i}`, input: true });
  }
  return {
    ...spec,
    cells,
    columns: [
      ...spec.columns.filter((c) => !letters.includes(c.col)),
      ...letters.map((col) => ({ col, width: 12, hidden: true })),
    ],
  };
}

function withHighlightFormats(spec: SheetSpec, store: string): SheetSpec {
  let lastRow = 1;
  let lastColumn = 1;
  for (const cell of spec.cells) {
    const { row, column } = parseRef(cell.ref);
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  const range = `A1:${columnLetter(lastColumn)}${lastRow}`;
  const matches = (letter: "E" | "W") => `=COUNTIFS(${store},"${letter} "&${keyFormula(spec.key)})>0`;
  return {
    ...spec,
    // First in the list is highest in priority (both writers keep the order).
    conditionalFormats: [
      { range, formula: matches("E"), fill: MARK_FILLS.error, stopIfTrue: true },
      { range, formula: matches("W"), fill: MARK_FILLS.warning, stopIfTrue: true },
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

function auditAppendCells(): string[] {
  const refs: string[] = [];
  for (let i = 0; i < AUDIT_APPEND_ROWS; i++) {
    for (let c = 1; c <= AUDIT_LAYOUT.columns; c++) refs.push(cellRef(c, AUDIT_LAYOUT.firstRow + i));
  }
  return refs;
}
