import type { CellSpec } from "../../workbook/types";
import type { HostWorksheet } from "./host";
import { toR1C1 } from "./r1c1";
import { locate, rectAddress, type Located, type Rect } from "./rectangles";

/**
 * Values and formulas, written through `formulasR1C1` (constants pass through it unchanged), as 2D
 * arrays of exactly the range's size (host.ts RangeInput: never one value over a block), per run of
 * rows with null (Excel leaves the cell alone) in the gaps. In R1C1 a column of item formulas or the
 * hidden valid-entry grid is the same text in every cell, which keeps the arrays compressible and
 * the request well under Excel on the web's 5 MB at 200 evaluators (test/taskpane/excel).
 *
 * Text is always a value: every string is written with a leading apostrophe. Excel parses what the
 * API writes as it parses typing: "=SUM(A1)" would become a formula, "0075" the number 75, "TRUE" a
 * Boolean, "1/2" a date. An apostrophe makes Excel store the rest as text, unchanged, and is not part
 * of the cell's value (Range.values and formulas reading the cell see the text without it; Excel
 * only remembers it as the cell's quote-prefix flag, shown in the formula bar).
 */
export type Content = string | number | boolean;

/** What goes into formulasR1C1 for a cell; null when nothing is written (an empty cell). */
export function cellContent(cell: CellSpec, row: number, column: number): Content | null {
  if (cell.formula !== undefined) return toR1C1(cell.formula, { row, column });
  const value = cell.value;
  if (value === undefined || value === null || value === "") return null;
  return typeof value === "string" ? `'${value}` : value;
}

/**
 * Request bytes one more range write costs beyond its data, in the JSON Office.js sends: the
 * getRange object path, its instantiation and the set action (measured on the fake, which
 * serialises the same shapes). Used to decide when a block or a gap is worth its own request.
 */
export const REQUEST_OVERHEAD_BYTES = 300;
/** Bytes a null costs inside an array ("null,"). */
const NULL_BYTES = 5;

export interface ContentWrite {
  address: string;
  /** Row-major, exactly the range's size. */
  content: (Content | null)[][];
}

/** The writes for a sheet's cells. */
export function planContent(cells: readonly CellSpec[]): ContentWrite[] {
  const located: Located<Content>[] = [];
  for (const cell of cells) {
    const { row, column } = locate(cell);
    const content = cellContent(cell, row, column);
    if (content !== null) located.push({ row, column, item: content });
  }
  return arrayWrites(located);
}

/**
 * Remaining cells as arrays: each row split where a gap costs more in nulls than a new request,
 * then consecutive rows with the same column span joined into one 2D array.
 */
function arrayWrites(cells: readonly Located<Content>[]): ContentWrite[] {
  const rows = new Map<number, Located<Content>[]>();
  for (const cell of cells) {
    const row = rows.get(cell.row);
    if (row) row.push(cell);
    else rows.set(cell.row, [cell]);
  }
  const segments: { rect: Rect; cells: Map<number, Content> }[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const sorted = rows.get(row)!.sort((a, b) => a.column - b.column);
    let current: { rect: Rect; cells: Map<number, Content> } | undefined;
    for (const cell of sorted) {
      const gap = current ? cell.column - current.rect.right - 1 : Infinity;
      if (!current || gap * NULL_BYTES > REQUEST_OVERHEAD_BYTES) {
        current = {
          rect: { top: row, bottom: row, left: cell.column, right: cell.column },
          cells: new Map(),
        };
        segments.push(current);
      }
      current.rect.right = cell.column;
      current.cells.set(cell.column, cell.item);
    }
  }
  const blocks: { rect: Rect; rows: (Content | null)[][] }[] = [];
  for (const { rect, cells: row } of segments) {
    const values = Array.from(
      { length: rect.right - rect.left + 1 },
      (_, i) => row.get(rect.left + i) ?? null,
    );
    const above = blocks.at(-1);
    if (
      above &&
      above.rect.bottom + 1 === rect.top &&
      above.rect.left === rect.left &&
      above.rect.right === rect.right
    ) {
      above.rect.bottom = rect.top;
      above.rows.push(values);
    } else {
      blocks.push({ rect: { ...rect }, rows: [values] });
    }
  }
  return blocks.map(({ rect, rows: content }) => ({ address: rectAddress(rect), content }));
}

/** Queues the writes on the sheet. */
export function writeContent(sheet: HostWorksheet, cells: readonly CellSpec[]): void {
  for (const { address, content } of planContent(cells)) {
    sheet.getRange(address).formulasR1C1 = content;
  }
}
