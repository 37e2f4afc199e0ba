import type { HostContext } from "../excel/host";
import { splitCell } from "./sheets";

/**
 * Going to a cell and typing into one, for the issue list and the inspector's band buttons: one
 * sync each. Cells come as the pane has them, sheet-qualified ("'评分'!H7").
 */
function target(context: HostContext, cell: string) {
  const parsed = splitCell(cell);
  if (!parsed) throw new RangeError(`not a sheet-qualified cell address: ${cell}`);
  const sheet = context.workbook.worksheets.getItem(parsed.sheet);
  return { sheet, range: sheet.getRange(parsed.ref) };
}

/** Activates the cell's sheet and selects the cell. */
export async function selectCell(context: HostContext, cell: string): Promise<void> {
  const { sheet, range } = target(context, cell);
  sheet.activate();
  range.select();
  await context.sync();
}

/**
 * Writes a number into one entry cell. Entry cells are unlocked, so this works on the protected
 * Scoring sheet; a locked cell is refused by Excel and the promise rejects.
 */
export async function setEntry(context: HostContext, cell: string, value: number): Promise<void> {
  if (!Number.isFinite(value)) throw new RangeError(`not a number: ${value}`);
  target(context, cell).range.values = [[value]];
  await context.sync();
}
