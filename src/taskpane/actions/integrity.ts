import type { Assessment } from "../../assessment/schema";
import { cellRef, parseRef, sheetRef } from "../../workbook/address";
import {
  agrees,
  definedNameCells,
  describeCell,
  rowLabels,
  showContent,
  showValue,
} from "../../workbook/integrity/cells";
import type { WorkbookGeometry } from "../../workbook/read/locator";
import {
  FIRST_BODY_ROW,
  HEADER_ROW,
  LAST_BODY_ROW,
  scoringColumns,
  scoringRows,
} from "../../workbook/scoring-grid";
import { bonusRowCount, deductionRowCount, SPECIAL_LAYOUT } from "../../workbook/sheets/special";
import { ENGINE_CHECK, RESULT_FIELDS, resultRow, summaryRows } from "../../workbook/sheets/summary";
import type { CellValue, SheetKey, WorkbookLayout } from "../../workbook/types";
import type { CellInput } from "../excel/host";
import type { WorkbookSnapshot } from "./sheets";
import type { IntegrityIssue } from "./types";

export { TOLERANCE } from "../../workbook/integrity/cells";

/**
 * Sheet against engine: every live formula the workbook computes (each item's score, count and
 * mean, the indicators, the evaluators' totals, the Summary table and the Result_* block, the
 * Special counts) must show what the exact engine computes from the same inputs. The layout built
 * with the engine's scoring carries exactly those figures as its formulas' cached values, so each
 * formula cell of the layout is compared with the cell the workbook shows: numbers within 1e-6,
 * text (the grade) and logical values exactly. A difference means the sheet is not computing what
 * StarScore wrote: a formula typed over, a rule constant edited, a broken reference.
 *
 * Rows are matched by what they are (an item's row by its code, wherever sorting put it); a sheet
 * whose shape is not the layout's (columns moved, a table of another size) is not compared.
 */
const COMPARED: readonly SheetKey[] = ["info", "scoring", "special", "summary"];

export function checkIntegrity(
  snapshot: WorkbookSnapshot,
  layout: WorkbookLayout,
  geometry: WorkbookGeometry,
  assessment: Assessment,
): IntegrityIssue[] {
  const names = definedNameCells(layout);
  const issues: IntegrityIssue[] = [];
  for (const spec of layout.sheets) {
    if (!COMPARED.includes(spec.key)) continue;
    const found = snapshot.sheets[spec.key];
    const grid = found?.grid;
    const rowOf = grid && rowMapping(spec.key, geometry, assessment);
    if (!found || !grid || !rowOf) continue;
    const labels = rowLabels(spec);
    for (const cell of spec.cells) {
      if (cell.formula === undefined || cell.cached === undefined) continue;
      const { row: layoutRow, column } = parseRef(cell.ref);
      const row = rowOf(layoutRow);
      if (row === undefined) continue;
      const shown = grid.at(row, column);
      if (agrees(shown, cell.cached)) continue;
      const ref = cellRef(column, row);
      issues.push({
        cell: sheetRef(found.name, ref),
        what: names.get(`${spec.key}!${cell.ref}`) ?? describeCell(spec, labels, cell, layoutRow, column),
        sheetValue: showContent(shown),
        engineValue: showValue(cell.cached),
      });
    }
  }
  return issues;
}

/** Layout row → the workbook's row, or undefined when the sheet's shape is not the layout's. */
function rowMapping(
  key: SheetKey,
  geometry: WorkbookGeometry,
  assessment: Assessment,
): ((row: number) => number | undefined) | undefined {
  if (key === "scoring") {
    const expected = scoringColumns(assessment.evaluators.length);
    const found = geometry.scoring.columns;
    if (
      found.header !== HEADER_ROW ||
      found.firstEvaluator !== expected.evaluator(0) ||
      found.score !== expected.score
    ) {
      return undefined;
    }
    const codeOfRow = new Map(scoringRows().map((r) => [r.row, r.id]));
    return (row) => {
      if (row < FIRST_BODY_ROW || row > LAST_BODY_ROW) return row;
      const code = codeOfRow.get(row);
      return code === undefined ? undefined : geometry.scoring.rows.get(code);
    };
  }
  if (key === "special") {
    const { deductions, bonus } = geometry.special;
    const sameShape =
      deductions.firstRow === SPECIAL_LAYOUT.firstDeductionRow &&
      deductions.lastRow - deductions.firstRow + 1 ===
        deductionRowCount(assessment.deductions?.length ?? 0) &&
      bonus.lastRow - bonus.firstRow + 1 === bonusRowCount(assessment.bonus?.length ?? 0);
    return sameShape ? (row) => row : undefined;
  }
  return (row) => row;
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
