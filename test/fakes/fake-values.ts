import { scoreAssessment } from "../../src/core/score";
import { officeGrid } from "../../src/taskpane/excel/office-grid";
import { cellRef, parseRef } from "../../src/workbook/address";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import type { Grid } from "../../src/workbook/read/grid";
import { readWorkbookGrids } from "../../src/workbook/read/workbook";
import type { WorkbookLayout } from "../../src/workbook/types";
import { shown, type FakeExcel } from "./fake-excel";
import type { FakeSheet, FakeWorkbookModel } from "./fake-model";

/**
 * Formula results for the fake workbook, which does not calculate: what a real Excel would show
 * in each formula cell. Browser-safe (the in-page fake host may use it too).
 */

/**
 * Gives every formula cell of the fake that the layout has a cached value for (a layout built WITH
 * the engine's scoring) that value as its result. A cell whose formula was overwritten by a value
 * keeps the value: exactly what a user who types over a formula leaves. Returns how many were set.
 */
export function applyValues(model: FakeWorkbookModel, layout: WorkbookLayout): number {
  let count = 0;
  for (const spec of layout.sheets) {
    const sheet = model.sheet(spec.name);
    if (!sheet) continue;
    for (const cell of spec.cells) {
      if (cell.formula === undefined || cell.cached === undefined) continue;
      const target = sheet.peek(cell.ref);
      if (target?.formula === undefined) continue;
      target.result = cell.cached === null ? "" : cell.cached;
      count++;
    }
  }
  return count;
}

/** A fake sheet as the readers see it, straight from the model (no request). */
export function modelGrid(sheet: FakeSheet): Grid {
  let bottom = 0;
  let right = 0;
  for (const [ref, cell] of sheet.cells) {
    if (cell.value === undefined && cell.formula === undefined && cell.error === undefined) continue;
    const { row, column } = parseRef(ref);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  if (bottom === 0) return officeGrid(sheet.name, undefined);
  const values: unknown[][] = [];
  const valueTypes: string[][] = [];
  const numberFormat: unknown[][] = [];
  for (let row = 1; row <= bottom; row++) {
    const v: unknown[] = [];
    const t: string[] = [];
    const f: unknown[] = [];
    for (let column = 1; column <= right; column++) {
      const cell = sheet.peek(cellRef(column, row));
      const [value, type] = shown(cell);
      v.push(value);
      t.push(type);
      f.push(cell?.numberFormat ?? "General");
    }
    values.push(v);
    valueTypes.push(t);
    numberFormat.push(f);
  }
  return officeGrid(sheet.name, { address: "A1", values, valueTypes, numberFormat });
}

/**
 * Excel's recalculation, as far as the fake can give it: the workbook's inputs are read back,
 * scored by the engine, and every formula cell still holding a formula gets the engine's figure
 * (the formulas are proven equal to the engine: test/engine-proof). Rows are taken where the
 * layout puts them, so a sorted Scoring sheet is not modelled. Returns false, changing nothing,
 * when the inputs cannot be read.
 */
export function recalculate(excel: FakeExcel): boolean {
  const model = excel.model;
  const read = readWorkbookGrids((name) => {
    const sheet = model.sheet(name);
    return sheet && modelGrid(sheet);
  }, "en");
  if (!read.ok) return false;
  const layout = buildWorkbookLayout({
    lang: read.lang,
    assessment: read.assessment,
    scoring: scoreAssessment(read.assessment),
  });
  applyValues(model, layout);
  return true;
}
