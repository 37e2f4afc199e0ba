import { cellRef } from "../../src/workbook/address";
import { applyInput, type FakeExcel } from "./fake-excel";
import { eventsOf } from "./fake-events";
import { parseAddress, type FakeSheet } from "./fake-model";

/**
 * What a user does in the grid of a fake Excel, with the events Excel raises for it (fake-events.ts):
 * typing into a cell and moving the selection. For the end-to-end suite's in-page host and for any
 * test of code that reacts to the user's edits. Browser-safe.
 */

/** A single cell's address, "B7" (a "$" or a lower-case letter is fine), normalised. */
function oneCell(address: string): { ref: string; row: number; column: number } {
  const bounds = parseAddress(address);
  if (bounds.whole || bounds.top !== bounds.bottom || bounds.left !== bounds.right) {
    throw new Error(`fake user: type into one cell at a time, not ${address}`);
  }
  return { ref: cellRef(bounds.left, bounds.top), row: bounds.top, column: bounds.left };
}

function sheetOf(excel: FakeExcel, name: string): FakeSheet {
  const sheet = excel.model.sheet(name);
  if (!sheet)
    throw new Error(`fake user: no sheet ${name} (sheets: ${excel.model.sheets.map((s) => s.name)})`);
  return sheet;
}

/**
 * Types into a cell and presses Enter, as the user would: "=…" is a formula, "'…" text, "80" a
 * number, "" clears it. Refused, as in Excel, on a locked cell of a protected sheet. Like pasting,
 * it does not apply the cell's data validation (a planted error goes in as typed). Selects the cell,
 * then raises the sheet's changed event and waits for its handlers.
 */
export async function typeIn(
  excel: FakeExcel,
  sheetName: string,
  address: string,
  input: string | number | boolean,
): Promise<void> {
  const { sheet, ref } = edit(excel, sheetName, address, input);
  await select(excel, sheet.name, ref);
  await eventsOf(excel).emit("changed", sheet.name, ref);
}

/**
 * A co-author types into a cell (Excel on the web, the same workbook open twice): the cell changes
 * and the sheet's changed event reaches this add-in with `source: "Remote"` (excel-add-ins-events,
 * "Events and coauthoring"). This user's selection does not move.
 */
export async function coauthorTypesIn(
  excel: FakeExcel,
  sheetName: string,
  address: string,
  input: string | number | boolean,
): Promise<void> {
  const { sheet, ref } = edit(excel, sheetName, address, input);
  await eventsOf(excel).emit("changed", sheet.name, ref, { source: "Remote" });
}

function edit(excel: FakeExcel, sheetName: string, address: string, input: string | number | boolean) {
  const sheet = sheetOf(excel, sheetName);
  const { ref, row, column } = oneCell(address);
  if (sheet.protection && sheet.isLocked(row, column)) {
    throw new Error(`fake user: ${sheet.name}!${ref} is locked on a protected sheet`);
  }
  applyInput(sheet.cell(row, column), input, "formulas", row, column);
  return { sheet, ref };
}

/**
 * The user sorts rows of a sheet (Data › Sort), reordering them by `order` (the rows' new order,
 * as row numbers of `top…bottom`). Refused on a protected sheet when the rows hold a locked cell,
 * whatever the protection's allowSort says: support.microsoft.com, "Lock or unlock specific areas
 * of a protected worksheet" ("Users can't sort ranges that contain locked cells on a protected
 * worksheet, regardless of this setting").
 */
export function sortRows(
  excel: FakeExcel,
  sheetName: string,
  order: readonly number[],
  lastColumn: number,
): void {
  const sheet = sheetOf(excel, sheetName);
  const top = Math.min(...order);
  const bottom = Math.max(...order);
  if (sheet.protection) {
    for (let row = top; row <= bottom; row++) {
      for (let column = 1; column <= lastColumn; column++) {
        if (sheet.isLocked(row, column)) {
          throw new Error(
            `fake user: cannot sort ${sheet.name}: the rows hold locked cells on a protected sheet`,
          );
        }
      }
    }
  }
  const rows = order.map((row) => Array.from({ length: lastColumn }, (_, i) => sheet.cell(row, i + 1)));
  rows.forEach((cells, i) => cells.forEach((cell, c) => sheet.cells.set(cellRef(c + 1, top + i), cell)));
}

/**
 * Moves the selection to a cell or range (activating its sheet) and raises the sheet's
 * selection-changed event; nothing is raised when the selection does not move.
 */
export async function select(excel: FakeExcel, sheetName: string, address: string): Promise<void> {
  const sheet = sheetOf(excel, sheetName);
  const bounds = parseAddress(address);
  const normal =
    bounds.top === bounds.bottom && bounds.left === bounds.right && !bounds.whole
      ? cellRef(bounds.left, bounds.top)
      : address.replace(/\$/g, "").toUpperCase();
  const events = eventsOf(excel);
  const { sheet: before, address: was } = events.selection;
  if (before.toUpperCase() === sheet.name.toUpperCase() && was === normal) return;
  excel.model.activeSheet = sheet.name;
  events.setSelection(sheet.name, normal);
  await events.emit("selectionChanged", sheet.name, normal);
}
