import type { Assessment } from "../../assessment/schema";
import { cellRef, parseRef, sheetRef } from "../../workbook/address";
import type { CellContent } from "../../workbook/read/grid";
import type { WorkbookGeometry } from "../../workbook/read/locator";
import {
  FIRST_BODY_ROW,
  HEADER_ROW,
  LAST_BODY_ROW,
  scoringColumns,
  scoringRows,
} from "../../workbook/scoring-grid";
import { INFO_ROWS } from "../../workbook/sheets/info";
import { bonusRowCount, deductionRowCount, SPECIAL_LAYOUT } from "../../workbook/sheets/special";
import {
  ENGINE_CHECK,
  RESULT_FIELDS,
  resultRow,
  SUMMARY_HEADER_ROW,
  summaryRows,
} from "../../workbook/sheets/summary";
import type { CellSpec, CellValue, SheetKey, SheetSpec, WorkbookLayout } from "../../workbook/types";
import type { CellInput } from "../excel/host";
import type { WorkbookSnapshot } from "./sheets";
import type { IntegrityIssue } from "./types";

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
export const TOLERANCE = 1e-6;

const COMPARED: readonly SheetKey[] = ["info", "scoring", "special", "summary"];

export function checkIntegrity(
  snapshot: WorkbookSnapshot,
  layout: WorkbookLayout,
  geometry: WorkbookGeometry,
  assessment: Assessment,
): IntegrityIssue[] {
  const names = definedNames(layout);
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
        what: names.get(`${spec.key}!${cell.ref}`) ?? describe(spec, labels, cell, layoutRow, column),
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

function agrees(shown: CellContent, expected: CellValue): boolean {
  if (expected === null || expected === "") return shown.kind === "blank";
  switch (typeof expected) {
    case "number":
      return shown.kind === "number" && Math.abs(shown.value - expected) <= TOLERANCE;
    case "boolean":
      return shown.kind === "boolean" && shown.value === expected;
    case "string":
      return shown.kind === "text" && shown.value === expected;
  }
}

function showValue(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(Number(value.toFixed(10)));
  return value;
}

function showContent(content: CellContent): string {
  switch (content.kind) {
    case "blank":
      return "";
    case "number":
      return String(Number(content.value.toFixed(10)));
    case "text":
      return content.value;
    case "boolean":
      return content.value ? "TRUE" : "FALSE";
    case "date":
      return content.value.toISOString().slice(0, 10);
    case "error":
      return content.value;
    case "uncomputed":
      return "";
  }
}

/** "summary!C30" → "Result_FinalScore": the public and internal names of single cells. */
function definedNames(layout: WorkbookLayout): Map<string, string> {
  const byName = new Map(layout.sheets.map((s) => [s.name, s.key]));
  const names = new Map<string, string>();
  for (const { name, ref } of layout.names) {
    const match = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(ref);
    const key = match && byName.get(match[1]!.replace(/''/g, "'"));
    if (key) names.set(`${key}!${match![2]}${match![3]}`, name);
  }
  return names;
}

/** Each row's label: the first text among its first three cells (a code, a name, a field's label). */
function rowLabels(spec: SheetSpec): Map<number, string> {
  const best = new Map<number, { column: number; text: string }>();
  for (const cell of spec.cells) {
    const { row, column } = parseRef(cell.ref);
    if (column > 3 || typeof cell.value !== "string" || !cell.value.trim()) continue;
    const found = best.get(row);
    if (!found || column < found.column) best.set(row, { column, text: cell.value.trim() });
  }
  return new Map([...best].map(([row, { text }]) => [row, text]));
}

const HEADER_ROWS: Partial<Record<SheetKey, number>> = {
  info: INFO_ROWS.teamHeader,
  scoring: HEADER_ROW,
  summary: SUMMARY_HEADER_ROW,
  special: SPECIAL_LAYOUT.deductionHeaderRow,
};

/** "B3 得分", "5.2.1 Score", "张三 个人总分": the row's label and the column's header. */
function describe(
  spec: SheetSpec,
  labels: Map<number, string>,
  cell: CellSpec,
  row: number,
  column: number,
): string {
  const headerRow = HEADER_ROWS[spec.key];
  const header =
    headerRow === undefined ? undefined : spec.cells.find((c) => c.ref === cellRef(column, headerRow))?.value;
  const rowLabel = labels.get(row);
  const parts = [rowLabel, typeof header === "string" ? header : undefined].filter(Boolean);
  return parts.length ? parts.join(" ") : `${spec.name}!${cell.ref}`;
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
