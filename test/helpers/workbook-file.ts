import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Assessment } from "../../src/assessment/schema";
import { toResultJson } from "../../src/core/report";
import { scoreAssessment } from "../../src/core/score";
import { cellRef } from "../../src/workbook/address";
import { auditRow } from "../../src/workbook/audit/log";
import {
  headerCells,
  inputsOf,
  newRecord,
  recordCells,
  resultOf,
  SNAPSHOT_SHEET,
  type SnapshotRecord,
} from "../../src/workbook/audit/snapshot";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { writeXlsx } from "../../src/workbook/xlsx/write";
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

/**
 * A workbook of `assessment` as the task pane leaves it after finalise (the audit log's row, the
 * very hidden snapshot sheet with one record), saved by ExcelJS; `edit` changes it afterwards.
 */
export async function finalisedWorkbook(
  file: string,
  assessment: Assessment,
  finalised: { at: string; by: string },
  edit: (wb: ExcelJS.Workbook) => void = () => undefined,
  review: (record: SnapshotRecord) => SnapshotRecord = (r) => r,
): Promise<string> {
  const scoring = scoreAssessment(assessment);
  const layout = buildWorkbookLayout({
    lang: "zh",
    assessment,
    scoring,
    audit: [auditRow({ time: finalised.at, person: finalised.by, action: "finalise", summary: "…" }, "zh")],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeXlsx(layout)) as unknown as ExcelJS.Buffer);
  const record = review(
    newRecord(1, 3, finalised, {
      version: 1,
      starscore: "0.1.0",
      lang: "zh",
      inputs: inputsOf(assessment),
      result: resultOf(toResultJson(assessment, scoring, "zh")),
      unlocked: { info: [], scoring: [], special: [] },
    }),
  );
  const sheet = wb.addWorksheet(SNAPSHOT_SHEET, { state: "veryHidden" });
  for (const [r, row] of [...headerCells(), recordCells(record)].entries()) {
    row.forEach((value, c) => {
      if (value !== "") sheet.getCell(r + 1, c + 1).value = value;
    });
  }
  edit(wb);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}
