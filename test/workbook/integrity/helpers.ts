import ExcelJS from "exceljs";
import type { Assessment } from "../../../src/assessment/schema";
import { scoreAssessment } from "../../../src/core/score";
import type { Lang } from "../../../src/spec/types";
import { cellRef } from "../../../src/workbook/address";
import type { IntegrityFinding } from "../../../src/workbook/integrity/findings";
import { loadXlsxView } from "../../../src/workbook/integrity/exceljs-view";
import { verifyWorkbook } from "../../../src/workbook/integrity/verify";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import {
  FIRST_BODY_ROW,
  LAST_BODY_ROW,
  scoringColumns,
  scoringRows,
} from "../../../src/workbook/scoring-grid";
import type { SheetKey } from "../../../src/workbook/types";
import { writeXlsx } from "../../../src/workbook/xlsx/write";

/** The .xlsx `starscore generate` writes for an assessment: cached values from the engine. */
export async function generated(assessment: Assessment, lang: Lang = "zh"): Promise<Buffer> {
  return writeXlsx(buildWorkbookLayout({ lang, assessment, scoring: scoreAssessment(assessment) }));
}

/** The workbook after `edit`, as ExcelJS saves it. */
export async function edited(
  data: Buffer,
  edit: (workbook: ExcelJS.Workbook, sheet: (key: SheetKey) => ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheet = (key: SheetKey) =>
    workbook.getWorksheet(SHEET_NAMES[key].zh) ?? workbook.getWorksheet(SHEET_NAMES[key].en)!;
  edit(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function findingsOf(data: Buffer): Promise<IntegrityFinding[]> {
  const loaded = await loadXlsxView(data);
  if (!loaded.ok) throw new Error(loaded.error.en);
  const result = verifyWorkbook(loaded.view);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message.en).join("\n"));
  return result.findings;
}

/** [code, "sheet!A1"] of each finding: what the tests compare. */
export const brief = (findings: readonly IntegrityFinding[]) =>
  findings.map((f) => [f.code, f.ref === undefined ? f.sheet : `${f.sheet}!${f.ref}`]);

/** Row of an item, indicator or primary indicator in a freshly generated workbook. */
export function rowOf(id: string): number {
  return scoringRows().find((r) => r.id === id)!.row;
}

/**
 * Relative row references moved by `delta`, as Excel moves a formula with its row when it sorts:
 * written apart from src/workbook/integrity/formula.ts (a regular expression over the layout's
 * formulas, which use no whole rows or columns), so that the test does not check it against itself.
 */
export function moveFormula(formula: string, delta: number): string {
  return formula.replace(
    /(?<![A-Za-z0-9_.$'"])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g,
    (all, column: string, absolute: string, row: string) =>
      absolute ? all : `${column}${Number(row) + delta}`,
  );
}

/**
 * What Excel's sort does to the Scoring sheet's body: the rows are put in another order (here
 * `order`, a permutation of the body rows: the row that goes first, …), each row's cells (values,
 * formulas moved with the row, styles) with it, all columns up to the last helper.
 */
export function sortScoring(ws: ExcelJS.Worksheet, evaluators: number, order?: number[]): void {
  const last = scoringColumns(evaluators).last;
  const body = Array.from({ length: LAST_BODY_ROW - FIRST_BODY_ROW + 1 }, (_, i) => FIRST_BODY_ROW + i);
  const from = order ?? [...body].reverse();
  const saved = new Map(
    body.map((row) => [
      row,
      Array.from({ length: last }, (_, c) => {
        const cell = ws.getCell(cellRef(c + 1, row));
        return { value: cell.value, style: JSON.parse(JSON.stringify(cell.style)) as ExcelJS.Style };
      }),
    ]),
  );
  body.forEach((target, i) => {
    const source = from[i]!;
    saved.get(source)!.forEach(({ value, style }, c) => {
      const cell = ws.getCell(cellRef(c + 1, target));
      if (value && typeof value === "object" && "formula" in value && typeof value.formula === "string") {
        cell.value = { ...value, formula: moveFormula(value.formula, target - source) };
      } else {
        cell.value = value;
      }
      cell.style = style;
    });
  });
}
