/**
 * The highlight a cell shows, as the layout's highlight conditional formats compute it
 * (src/workbook/highlight-marks.ts: the cell's key listed in the Rules sheet's store, "E …" or
 * "W …"); undefined when it shows none. The fake does not evaluate conditional formats, so the
 * unit tests (test/taskpane/actions) and the end-to-end suite (through window.__starscore) ask
 * this instead of reading a fill.
 */
import { parseRef } from "../../src/workbook/address";
import { markKey, markLine, MARKS } from "../../src/workbook/highlight-marks";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { isSheetOf } from "../../src/workbook/sheet-names";
import type { SheetKey } from "../../src/workbook/types";
import type { FakeSheet, FakeWorkbookModel } from "./fake-model";

export function markOf(
  model: FakeWorkbookModel,
  sheet: FakeSheet,
  ref: string,
): "error" | "warning" | undefined {
  const key = (Object.keys(SHEET_NAMES) as SheetKey[]).find((k) => isSheetOf(k, sheet.name));
  const rules = model.sheets.find((s) => isSheetOf("rules", s.name));
  if (!key || !rules || rules.peek(`${MARKS.column}${MARKS.labelRow}`)?.value !== MARKS.label)
    return undefined;
  const { row, column } = parseRef(ref);
  const a = sheet.peek(`A${row}`)?.value;
  const cellKey = markKey(key, key === "scoring" && typeof a === "string" && a !== "" ? a : row, column);
  const stored = new Set([...rules.cells.values()].map((cell) => cell.value));
  if (stored.has(markLine("error", cellKey))) return "error";
  if (stored.has(markLine("warning", cellKey))) return "warning";
  return undefined;
}
