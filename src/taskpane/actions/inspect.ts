import { itemByCode } from "../../spec";
import { cellRef, parseRef, sheetRef } from "../../workbook/address";
import { ReadLog, SheetReader } from "../../workbook/read/cells";
import { contentText, textAt, type CellContent, type Grid } from "../../workbook/read/grid";
import { findColumns, readEvaluators } from "../../workbook/read/scoring";
import { HEADER_ROW } from "../../workbook/scoring-grid";
import type { HostContext } from "../excel/host";
import { officeGrid } from "../excel/office-grid";
import { isFinalised, queueSnapshotSheet } from "./finalise";
import { RANGE_DATA, splitCell } from "./sheets";
import type { ItemSelection } from "./types";
import { isSheetOf } from "../../workbook/sheet-names";

/**
 * The inspector: the item row under the active cell. One sync reads the active cell, its sheet's
 * name, the used part of the sheet's header rows (evaluator names and kinds) and the used part of
 * the active cell's row; all of it from the active cell's own sheet, so nothing needs the sheet's
 * name in advance, and the finalisation snapshot (whether the entries are locked). Null unless that
 * sheet is the Scoring sheet and the row is an item's row.
 */
export async function inspectSelection(context: HostContext): Promise<ItemSelection | null> {
  const active = context.workbook.getActiveCell();
  active.load("address");
  const sheet = active.worksheet;
  sheet.load("name");
  const header = sheet.getRange(`1:${HEADER_ROW}`).getUsedRangeOrNullObject(true);
  header.load(RANGE_DATA);
  const row = active.getEntireRow().getUsedRangeOrNullObject(true);
  row.load(RANGE_DATA);
  const snapshot = queueSnapshotSheet(context, {});
  await context.sync();

  const name = sheet.name;
  if (!isSheetOf("scoring", name)) return null;
  const at = splitCell(active.address.includes("!") ? active.address : `${name}!${active.address}`);
  if (!at) return null;
  const { row: r, column: c } = parseRef(at.ref);
  const grid = joinGrids(
    name,
    header.isNullObject ? undefined : officeGrid(name, header),
    row.isNullObject ? undefined : officeGrid(name, row),
  );
  const reader = new SheetReader(grid, new ReadLog());
  const columns = findColumns(reader);
  if (!columns || r <= columns.header) return null;
  const code = reader.label(r, 1);
  if (!itemByCode(code)) return null;
  const evaluators = readEvaluators(reader, columns);
  const k = c - columns.firstEvaluator;
  return {
    code,
    entries: evaluators.map((e, i) => {
      const column = columns.firstEvaluator + i;
      return { ...e, value: entryValue(grid.at(r, column)), cell: sheetRef(name, cellRef(column, r)) };
    }),
    ...(k >= 0 && k < evaluators.length && { selectedEvaluator: k }),
    finalised: isFinalised(snapshot()) !== undefined,
    note: { cell: sheetRef(name, cellRef(columns.notes, r)), value: textAt(grid, r, columns.notes) },
  };
}

/** The header rows and one more row, as one grid: whichever has the row answers. */
function joinGrids(name: string, ...grids: (Grid | undefined)[]): Grid {
  const present = grids.filter((g): g is Grid => g !== undefined);
  return {
    name,
    lastRow: Math.max(0, ...present.map((g) => g.lastRow)),
    lastColumn: Math.max(0, ...present.map((g) => g.lastColumn)),
    at: (row, column) => {
      for (const grid of present) {
        const content = grid.at(row, column);
        if (content.kind !== "blank") return content;
      }
      return { kind: "blank" };
    },
  };
}

/** An entry as the inspector shows it: the number, or what the cell holds instead, or null. */
function entryValue(content: CellContent): number | string | null {
  if (content.kind === "number") return content.value;
  if (content.kind === "blank" || content.kind === "uncomputed") return null;
  return contentText(content);
}
