/**
 * A real layout-2 workbook, as StarScore wrote it before layout 3: test/fixtures/layout-v2-sample-zh.xlsx
 * was written by `starscore generate --from examples/sample-assessment.json --lang zh` at commit
 * 738a7cf (layout 2: the deduction count and items scored still needed array evaluation). `verify`
 * says it is an older layout to convert, not that its formulas were edited; `convert` upgrades it to
 * the current layout with every input carried over.
 */
import type ExcelJS from "exceljs";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { ITEMS_SCORED_ROW, scoringColumns } from "../../src/workbook/scoring-grid";
import { bonusRows, deductionRowCount } from "../../src/workbook/sheets/special";
import { describeOlderLayout, loadWorkbook } from "../helpers/older-layout";
import { SAMPLE } from "../helpers/sample";

const formulaOf = (cell: ExcelJS.Cell) => (cell.value as { formula?: string } | null)?.formula;

/** The Special sheet's deduction count and the first evaluator's items scored, as formulas. */
async function countFormulas(file: string): Promise<{ deductions?: string; itemsScored?: string }> {
  const workbook = await loadWorkbook(file);
  const countRow = bonusRows(deductionRowCount(SAMPLE.deductions!.length)).deductionCountRow;
  const first = scoringColumns(SAMPLE.evaluators.length).evaluator(0);
  return {
    deductions: formulaOf(workbook.getWorksheet(SHEET_NAMES.special.zh)!.getCell(`C${countRow}`)),
    itemsScored: formulaOf(workbook.getWorksheet(SHEET_NAMES.scoring.zh)!.getCell(ITEMS_SCORED_ROW, first)),
  };
}

describeOlderLayout(2, "layout-v2-sample-zh.xlsx", {
  // The formulas that needed array evaluation …
  claims: async (file) =>
    expect(await countFormulas(file)).toEqual({
      deductions: "SUMPRODUCT(--((LEN(B5:B24)+LEN(C5:C24))>0))",
      itemsScored: expect.stringMatching(/^SUMPRODUCT\(--ISNUMBER\(/),
    }),
  // … are classic ones once converted.
  upgraded: async (file) =>
    expect(await countFormulas(file)).toEqual({
      deductions: "SUM(I5:I24)",
      itemsScored: expect.stringMatching(/^COUNTIFS\(/),
    }),
});
