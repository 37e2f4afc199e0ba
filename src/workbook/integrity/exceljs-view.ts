import ExcelJS from "exceljs";
import type { Localised } from "../../spec/types";
import { MESSAGES } from "../read/messages";
import { excelJsGrid } from "../xlsx/exceljs-grid";
import { inspectPackage } from "../xlsx/package";
import { isCompoundFile, isZip } from "../xlsx/signature";
import { type SheetView, type WorkbookView } from "./view";
import { foldName as fold } from "../sheet-names";

/**
 * An .xlsx file as a WorkbookView (CLI): each cell shows its cached result (ExcelJS does not
 * calculate; a formula without one is "uncomputed"), its formula text (a shared formula as it reads
 * in its own cell), and the workbook-scope defined names. Not for the task pane: it brings ExcelJS.
 */
export function excelJsView(workbook: ExcelJS.Workbook): WorkbookView {
  const sheets = new Map<string, SheetView>();
  for (const ws of workbook.worksheets) {
    const grid = excelJsGrid(ws);
    sheets.set(fold(ws.name), {
      ...grid,
      formula: (row, column) => {
        const cell = ws.findCell(row, column);
        if (!cell || cell.type !== ExcelJS.ValueType.Formula) return undefined;
        const formula = cell.formula;
        return typeof formula === "string" && formula !== "" ? formula : undefined;
      },
    });
  }
  const names = new Map<string, string>();
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const { name, ranges } of model) {
    // A name refers to one cell here; one with several ranges (or none) cannot be a StarScore name.
    names.set(name, ranges.length === 1 ? ranges[0]! : ranges.join(","));
  }
  return { sheet: (name) => sheets.get(fold(name)), names };
}

/** The bytes of an .xlsx file as a view, or why they cannot be read (never throws). */
export async function loadXlsxView(
  data: Uint8Array,
): Promise<{ ok: true; view: WorkbookView } | { ok: false; error: Localised }> {
  if (isCompoundFile(data)) return { ok: false, error: MESSAGES.legacyXls() };
  if (!isZip(data)) return { ok: false, error: MESSAGES.notXlsx() };
  // The reader's package check first (sizes, zip bombs, rows past Excel's last, merges too large on
  // an input sheet: src/workbook/xlsx/package.ts), so that ExcelJS never unzips a hostile file.
  const checked = await inspectPackage(data);
  if (!checked.ok) return { ok: false, error: checked.message };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    return { ok: true, view: excelJsView(workbook) };
  } catch (error) {
    return { ok: false, error: MESSAGES.unreadable(error instanceof Error ? error.message : String(error)) };
  }
}
