import type { Assessment } from "../../../src/assessment/schema";
import { scoreAssessment } from "../../../src/core/score";
import { createOfficeHost } from "../../../src/taskpane/actions/office-host";
import type { StarScoreHost } from "../../../src/taskpane/actions/types";
import { generateWorkbook } from "../../../src/taskpane/excel/write-workbook";
import type { Lang } from "../../../src/spec/types";
import { cellRef, parseRef } from "../../../src/workbook/address";
import { AUDIT_LAYOUT } from "../../../src/workbook/audit/log";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { readWorkbookGrids } from "../../../src/workbook/read/workbook";
import { scoringColumns, scoringRows } from "../../../src/workbook/scoring-grid";
import { FakeExcel, type FakeExcelOptions } from "../../fakes/fake-excel";
import { markOf as marks } from "../../fakes/highlight-marks";
import type { FakeCell, FakeSheet } from "../../fakes/fake-model";
import { applyValues, modelGrid } from "../../fakes/fake-values";

/** A StarScore workbook in the recording fake, as the add-in would have made it, and a host on it. */
export interface Workbook {
  excel: FakeExcel;
  host: StarScoreHost;
  lang: Lang;
  sheet(key: keyof typeof SHEET_NAMES): FakeSheet;
  /** A fresh host on the same workbook: the pane reloaded. */
  reload(): StarScoreHost;
}

export function hostOn(excel: FakeExcel): StarScoreHost {
  return createOfficeHost({ run: excel.run, runIn: excel.runIn, supports: excel.supports });
}

/**
 * Generates the assessment's workbook in a fake Excel (ExcelApi 1.8, the add-in's minimum, unless
 * told otherwise) and gives its formulas the engine's results, as Excel would have computed them.
 */
export async function workbookOf(
  assessment: Assessment,
  lang: Lang = "zh",
  options: FakeExcelOptions = {},
): Promise<Workbook> {
  const excel = new FakeExcel(options);
  await generateWorkbook(buildWorkbookLayout({ lang, assessment }), excel.run, excel.supports);
  applyValues(excel.model, buildWorkbookLayout({ lang, assessment, scoring: scoreAssessment(assessment) }));
  return {
    excel,
    host: hostOn(excel),
    lang,
    sheet: (key) => excel.model.sheet(SHEET_NAMES[key][lang])!,
    reload: () => hostOn(excel),
  };
}

/** The assessment the fake workbook holds now, read straight from its model. */
export function readBack(excel: FakeExcel) {
  const read = readWorkbookGrids((name) => {
    const sheet = excel.model.sheet(name);
    return sheet && modelGrid(sheet);
  }, "en");
  if (!read.ok) throw new Error(read.errors.join("\n"));
  return read;
}

/** Row of an item or indicator in the layout (the fake's sheets are never sorted unless a test does it). */
export function rowOf(code: string): number {
  return scoringRows().find((r) => r.id === code)!.row;
}

/** The A1 address of evaluator k's entry for an item. */
export function entryRef(code: string, k: number, evaluators: number): string {
  return cellRef(scoringColumns(evaluators).evaluator(k), rowOf(code));
}

/** What a user can leave in a cell, typed or pasted (the fake takes it as is, even on a locked cell). */
export type Planted =
  | { text: string }
  | { number: number }
  | { error: string }
  | { date: number }
  | { logical: boolean }
  | { blank: true };

export function plant(sheet: FakeSheet, ref: string, content: Planted): FakeCell {
  const { row, column } = parseRef(ref);
  const cell = sheet.cell(row, column);
  delete cell.value;
  delete cell.error;
  delete cell.formula;
  delete cell.result;
  if ("text" in content) cell.value = content.text;
  if ("number" in content) cell.value = content.number;
  if ("logical" in content) cell.value = content.logical;
  if ("error" in content) cell.error = content.error;
  if ("date" in content) {
    cell.value = content.date;
    cell.numberFormat = "yyyy-mm-dd";
  }
  return cell;
}

/** What sorting does to two rows of a sheet: their cells (content and format) change places. */
export function swapRows(sheet: FakeSheet, a: number, b: number, lastColumn: number): void {
  for (let column = 1; column <= lastColumn; column++) {
    const first = sheet.cell(a, column);
    const second = sheet.cell(b, column);
    sheet.cells.set(cellRef(column, a), second);
    sheet.cells.set(cellRef(column, b), first);
  }
}

/** Syncs, request bytes and runs an action cost on the fake. */
export async function measured<T>(excel: FakeExcel, action: () => Promise<T>) {
  const syncs = excel.syncs;
  const runs = excel.runs;
  const result = await action();
  return {
    result,
    syncs: excel.syncs - syncs,
    runs: excel.runs - runs,
    bytes: excel.requests.slice(syncs).map((r) => r.bytes),
    responseBytes: excel.requests.slice(syncs).map((r) => r.responseBytes),
  };
}

/** The highlight a cell shows (test/fakes/highlight-marks.ts). */
export function markOf(excel: FakeExcel, sheet: FakeSheet, ref: string): "error" | "warning" | undefined {
  return marks(excel.model, sheet, ref);
}

/** The audit log's rows, as text, from its first row down to the first empty one. */
export function logRows(sheet: FakeSheet): string[][] {
  const rows: string[][] = [];
  for (let row = AUDIT_LAYOUT.firstRow; sheet.peek(`A${row}`)?.value !== undefined; row++) {
    rows.push(["A", "B", "C", "D"].map((col) => String(sheet.peek(`${col}${row}`)?.value ?? "")));
  }
  return rows;
}
