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
  const sheet = sheetOf(excel, sheetName);
  const { ref, row, column } = oneCell(address);
  if (sheet.protection && (sheet.peek(ref)?.locked ?? true)) {
    throw new Error(`fake user: ${sheet.name}!${ref} is locked on a protected sheet`);
  }
  await select(excel, sheet.name, ref);
  applyInput(sheet.cell(row, column), input, "formulas", row, column);
  await eventsOf(excel).emit("changed", sheet.name, ref);
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
