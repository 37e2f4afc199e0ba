import ExcelJS from "exceljs";
import { cellRef } from "../../src/workbook/address";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { scoringColumns } from "../../src/workbook/scoring-grid";

/**
 * Types `value` into the first evaluator's entry of item `code` on the Scoring sheet (either
 * language) of a saved workbook, as a user would in Excel, and saves it (ExcelJS underneath);
 * `also` may change the workbook further before it is saved. The item's row.
 */
export async function typeEntry(
  file: string,
  code: string,
  value: ExcelJS.CellValue,
  also?: (workbook: ExcelJS.Workbook) => void,
): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const scoring =
    workbook.getWorksheet(SHEET_NAMES.scoring.zh) ?? workbook.getWorksheet(SHEET_NAMES.scoring.en)!;
  const row = scoring.getColumn(1).values.findIndex((v) => v === code);
  if (row < 0) throw new Error(`no row for ${code} on ${scoring.name}`);
  scoring.getCell(cellRef(scoringColumns(1).evaluator(0), row)).value = value;
  also?.(workbook);
  await workbook.xlsx.writeFile(file);
  return row;
}
