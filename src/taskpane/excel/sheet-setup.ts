import { columnIndex, columnLetter } from "../../workbook/address";
import type { SheetSpec } from "../../workbook/types";
import type { HostWorksheet } from "./host";

/** Column widths and hidden columns, row heights, merged cells and frozen panes. */

/**
 * The layout gives widths in characters of the default font, as stored in .xlsx; Office.js takes
 * points. Excel turns a stored width w into pixels as trunc(((256·w + trunc(128/7)) / 256) · 7)
 * for the default 11-point font (7-pixel digits), and a pixel is ¾ point: so both writers give the
 * same column the same number of pixels.
 */
export function columnWidthPoints(characters: number): number {
  const mdw = 7;
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / mdw)) / 256) * mdw);
  return pixels * 0.75;
}

/**
 * Adjacent columns with the same width, visibility and lock share one request ("H:GY"). An
 * unlocked column (ColumnSpec.unlocked) gets its format's protection.locked = false on the whole
 * column, before the cells' formats (writeFormats locks again the cells the layout lists there).
 */
export function writeColumns(sheet: HostWorksheet, spec: SheetSpec): void {
  const columns = spec.columns
    .map((c) => ({
      index: columnIndex(c.col),
      width: c.width,
      hidden: c.hidden === true,
      unlocked: c.unlocked === true,
    }))
    .sort((a, b) => a.index - b.index);
  const runs: { first: number; last: number; width: number; hidden: boolean; unlocked: boolean }[] = [];
  for (const c of columns) {
    const last = runs.at(-1);
    if (
      last &&
      last.last + 1 === c.index &&
      last.width === c.width &&
      last.hidden === c.hidden &&
      last.unlocked === c.unlocked
    )
      last.last = c.index;
    else runs.push({ first: c.index, last: c.index, ...c });
  }
  for (const run of runs) {
    const columns = sheet.getRange(`${columnLetter(run.first)}:${columnLetter(run.last)}`);
    columns.format.columnWidth = columnWidthPoints(run.width);
    if (run.hidden) columns.columnHidden = true;
    if (run.unlocked) columns.format.protection.locked = false;
  }
}

export function writeRowHeights(sheet: HostWorksheet, spec: SheetSpec): void {
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  }
}

/** Merged cells keep the top-left cell's content; the layout writes nothing in the others. */
export function writeMerges(sheet: HostWorksheet, spec: SheetSpec): void {
  for (const range of spec.merges) sheet.getRange(range).merge(false);
}

export function writeFreeze(sheet: HostWorksheet, spec: SheetSpec): void {
  const freeze = spec.freeze;
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return;
  if (freeze.columns === 0) sheet.freezePanes.freezeRows(freeze.rows);
  else if (freeze.rows === 0) sheet.freezePanes.freezeColumns(freeze.columns);
  // The frozen block itself: rows 1…r of columns A…c.
  else sheet.freezePanes.freezeAt(`A1:${columnLetter(freeze.columns)}${freeze.rows}`);
}
