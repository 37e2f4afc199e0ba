import ExcelJS from "exceljs";
import type { CellContent, Grid } from "../read/grid";
import { XLSX_LIMITS } from "./limits";

/**
 * An ExcelJS worksheet as a Grid: a formula reads as its cached result, rich text and hyperlinks
 * as their text. Like Excel, a merged range holds its value in its top-left cell only: the other
 * cells of a merge read as blank (ExcelJS would repeat the top-left value in each).
 *
 * Reading never allocates: cells are looked up, not created (ExcelJS's getRow/getCell would add
 * a row object per row asked for). The grid ends at the limits of src/workbook/xlsx/limits.ts,
 * and `beyond` names the first cell with content past them, for the readers to report.
 */
export function excelJsGrid(
  ws: ExcelJS.Worksheet,
  limits: { rows: number; columns: number } = {
    rows: XLSX_LIMITS.maxReadRows,
    columns: XLSX_LIMITS.maxReadColumns,
  },
): Grid {
  const rowCount = ws.rowCount;
  const columnCount = ws.columnCount;
  const beyond = rowCount > limits.rows || columnCount > limits.columns ? firstBeyond(ws, limits) : undefined;
  return {
    name: ws.name,
    lastRow: Math.min(rowCount, limits.rows),
    lastColumn: Math.min(columnCount, limits.columns),
    at: (row, column) => {
      if (row < 1 || column < 1 || row > limits.rows || column > limits.columns) return BLANK;
      const cell = ws.findRow(row)?.findCell(column);
      if (!cell || cell.type === ExcelJS.ValueType.Merge) return BLANK;
      return contentOf(cell.value);
    },
    merges: mergesOf(ws),
    ...(beyond && { beyond }),
  };
}

const BLANK: CellContent = { kind: "blank" };
const NUM_ERROR: CellContent = { kind: "error", value: "#NUM!" };

/** The first cell (row by row) past the limits that holds something other than blank. */
function firstBeyond(ws: ExcelJS.Worksheet, limits: { rows: number; columns: number }): Grid["beyond"] {
  let found: Grid["beyond"];
  ws.eachRow((row, number) => {
    if (found) return;
    row.eachCell((cell, column) => {
      if (found || (number <= limits.rows && column <= limits.columns)) return;
      if (cell.type !== ExcelJS.ValueType.Merge && contentOf(cell.value).kind !== "blank") {
        found = { row: number, column, ...limits };
      }
    });
  });
  return found;
}

/** Merged ranges ("H7:J7"), from ExcelJS's index of them (kept by the master cell's address). */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges ?? {};
  return Object.values(merges)
    .map((m) => m?.range)
    .filter((r): r is string => typeof r === "string");
}

type Raw = ExcelJS.CellValue | undefined;

function contentOf(value: Raw): CellContent {
  if (value === null || value === undefined) return BLANK;
  // A number cell whose text is not a number (a damaged file) reads as Excel's #NUM! error.
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : NUM_ERROR;
  if (typeof value === "string") return value === "" ? BLANK : { kind: "text", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { kind: "error", value: "#VALUE!" } : { kind: "date", value };
  }
  if (typeof value !== "object") return BLANK;
  if ("error" in value) return { kind: "error", value: String(value.error) };
  if ("richText" in value) {
    const runs = Array.isArray(value.richText) ? value.richText : [];
    return contentOf(runs.map((run) => (typeof run?.text === "string" ? run.text : "")).join(""));
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: Raw }).result;
    if (result === undefined) return { kind: "uncomputed" };
    return contentOf(result);
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: Raw }).text;
    return contentOf(text);
  }
  return BLANK;
}
