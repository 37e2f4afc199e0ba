import ExcelJS from "exceljs";
import { STYLES, type StyleSpec } from "../styles";
import type { CellSpec, SheetSpec, WorkbookLayout } from "../types";
import { addCharts } from "./chart";
import { encodeCellText, safeCachedText } from "./text-escape";

/**
 * The .xlsx writer (CLI): the layout into an ExcelJS workbook. Formulas carry their cached results
 * when the layout has them, and the file asks Excel to recalculate fully on open.
 */
export async function writeXlsx(
  layout: WorkbookLayout,
  options: { password?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "StarScore";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of layout.sheets) await writeSheet(workbook, sheet, options.password);
  for (const { name, ref } of layout.names) workbook.definedNames.add(ref, name);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return addCharts(buffer, layout);
}

async function writeSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, password?: string): Promise<void> {
  const ws = workbook.addWorksheet(spec.name, {
    state: spec.hidden ? "hidden" : "visible",
    views: spec.freeze ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }] : [],
    pageSetup: {
      paperSize: 9,
      orientation: spec.print.orientation,
      fitToPage: spec.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: spec.print.fitToHeight ? 1 : 0,
      ...(spec.print.titleRows && { printTitlesRow: spec.print.titleRows }),
      ...(spec.print.area && { printArea: spec.print.area }),
      ...(spec.print.margins && { margins: spec.print.margins }),
    },
  });
  const unlockedColumns = new Set<number>();
  for (const column of spec.columns) {
    const col = ws.getColumn(column.col);
    col.width = column.width;
    if (column.hidden) col.hidden = true;
    // Before the cells: ExcelJS gives a cell created later its column's style, protection included.
    if (column.unlocked) {
      col.protection = { locked: false };
      unlockedColumns.add(col.number);
    }
  }
  for (const cell of spec.cells) {
    const target = ws.getCell(cell.ref);
    writeCell(target, cell);
    // A listed cell in an unlocked column keeps the lock the layout gives it.
    if (!cell.input && unlockedColumns.has(Number(target.col))) target.protection = { locked: true };
  }
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const range of spec.merges) ws.mergeCells(range);
  if (spec.autoFilter) ws.autoFilter = spec.autoFilter;
  for (const v of spec.validations) {
    validations(ws).add(v.range, {
      type: v.kind,
      allowBlank: v.allowBlank,
      formulae: [strip(v.formula1), ...(v.formula2 ? [strip(v.formula2)] : [])],
      ...(v.kind === "decimal" && { operator: "between" }),
      // No errorStyle: "stop", the alert that refuses the entry, is its default (the transitional
      // sml.xsd, CT_DataValidation/ST_DataValidationErrorStyle: stop, warning, information).
      // The "error" ExcelJS's typings suggest is not in the schema, and openpyxl refuses it.
      showErrorMessage: true,
      errorTitle: v.errorTitle,
      error: v.error,
      ...(v.prompt && { showInputMessage: true, promptTitle: v.promptTitle, prompt: v.prompt }),
    } as ExcelJS.DataValidation);
  }
  // The layout lists its conditional formats highest priority first: priority 1, 2, … in that
  // order ("Lower numeric values are higher priority than higher numeric values, where '1' is the
  // highest priority", ECMA-376 Part 1, §18.3.1.10 cfRule, @priority).
  spec.conditionalFormats.forEach((cf, index) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: index + 1,
          formulae: [strip(cf.formula)],
          ...(cf.stopIfTrue && { stopIfTrue: true }),
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            ...(cf.fontColor && { font: { color: { argb: argb(cf.fontColor) } } }),
          },
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
  if (spec.protect) {
    await ws.protect(password ?? "", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: true,
      sort: true,
    });
  }
}

function writeCell(cell: ExcelJS.Cell, spec: CellSpec): void {
  if (spec.formula !== undefined) {
    cell.value = {
      formula: strip(spec.formula),
      ...(spec.cached !== undefined &&
        spec.cached !== null && {
          result: typeof spec.cached === "string" ? safeCachedText(spec.cached) : spec.cached,
        }),
    } as ExcelJS.CellFormulaValue;
  } else if (spec.value !== undefined) {
    // Text is stored as a string cell: ExcelJS never turns "=…" text into a formula.
    cell.value = typeof spec.value === "string" ? encodeCellText(spec.value) : spec.value;
  }
  if (spec.numFmt) cell.numFmt = spec.numFmt;
  if (spec.style) applyStyle(cell, STYLES[spec.style]);
  if (spec.input) cell.protection = { locked: false };
}

function applyStyle(cell: ExcelJS.Cell, style: StyleSpec): void {
  cell.font = {
    ...(style.bold && { bold: true }),
    ...(style.italic && { italic: true }),
    ...(style.size && { size: style.size }),
    ...(style.fontColor && { color: { argb: argb(style.fontColor) } }),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  cell.alignment = {
    ...(style.wrap && { wrapText: true }),
    ...(style.horizontal && { horizontal: style.horizontal }),
    ...(style.vertical && { vertical: style.vertical === "center" ? "middle" : "top" }),
  };
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

/** ExcelJS keeps range validations in `dataValidations`, which its type definitions omit. */
function validations(ws: ExcelJS.Worksheet): { add: (range: string, rule: ExcelJS.DataValidation) => void } {
  return (
    ws as unknown as { dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void } }
  ).dataValidations;
}

const strip = (formula: string) => formula.replace(/^=/, "");
const argb = (rgb: string) => `FF${rgb}`;
