import { sheetRef } from "../../workbook/address";
import { checkAgainstEngine } from "../../workbook/integrity/engine";
import { ENGINE_CHECK, RESULT_FIELDS, resultRow, summaryRows } from "../../workbook/sheets/summary";
import type { CellValue, WorkbookLayout } from "../../workbook/types";
import type { CellInput } from "../excel/host";
import type { WorkbookSnapshot } from "./sheets";
import type { IntegrityIssue } from "./types";

/**
 * compute's integrity issues: where the live formulas and the exact engine disagree
 * (src/workbook/integrity/engine.ts), each with the cell to select.
 */
export function engineIssues(snapshot: WorkbookSnapshot, layout: WorkbookLayout): IntegrityIssue[] {
  return checkAgainstEngine(layout, (key) => snapshot.sheets[key]?.grid).map((d) => ({
    cell: sheetRef(d.sheet, d.ref),
    what: d.what,
    sheetValue: d.found,
    engineValue: d.expected,
  }));
}

/**
 * The engine check (ENGINE_CHECK): beside the live figures, the engine's: column G of the indicator
 * table (each indicator's, subtotal's and the total's score) and column D of the result block.
 * Values only; text goes with an apostrophe, as the writer writes all text.
 */
export function engineCheckWrites(layout: WorkbookLayout): { address: string; values: CellInput[][] }[] {
  const summary = layout.sheets.find((s) => s.key === "summary");
  if (!summary) return [];
  const cached = new Map(summary.cells.map((c) => [c.ref, c.cached]));
  const asInput = (value: CellValue | undefined): CellInput =>
    value === undefined || value === null
      ? ""
      : typeof value === "string"
        ? value
          ? `'${value}`
          : ""
        : value;
  const { rows, totalRow } = summaryRows();
  const first = rows[0]!.row;
  const indicatorRows = Array.from({ length: totalRow - first + 1 }, (_, i) => first + i);
  const { indicatorColumn: g, indicatorSource: e, resultColumn: d, resultSource: c } = ENGINE_CHECK;
  const resultRows = RESULT_FIELDS.map(resultRow);
  return [
    {
      address: `${g}${first}:${g}${totalRow}`,
      values: indicatorRows.map((row) => [asInput(cached.get(`${e}${row}`))]),
    },
    {
      address: `${d}${resultRows[0]}:${d}${resultRows.at(-1)}`,
      values: resultRows.map((row) => [asInput(cached.get(`${c}${row}`))]),
    },
  ];
}
