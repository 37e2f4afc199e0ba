import type ExcelJS from "exceljs";
import type { CellContent, Grid } from "../read/grid";

/**
 * An ExcelJS worksheet as a Grid: a formula reads as its cached result, rich text and hyperlinks
 * as their text.
 */
export function excelJsGrid(ws: ExcelJS.Worksheet): Grid {
  return {
    name: ws.name,
    lastRow: ws.rowCount,
    lastColumn: ws.columnCount,
    at: (row, column) => contentOf(ws.getRow(row).getCell(column).value),
  };
}

type Raw = ExcelJS.CellValue | undefined;

function contentOf(value: Raw): CellContent {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "string") return value === "" ? { kind: "blank" } : { kind: "text", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) return { kind: "date", value };
  if ("error" in value) return { kind: "error", value: String(value.error) };
  if ("richText" in value) return contentOf(value.richText.map((run) => run.text).join(""));
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: Raw }).result;
    if (result === undefined) return { kind: "uncomputed" };
    return contentOf(result);
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: Raw }).text;
    return contentOf(text);
  }
  return { kind: "blank" };
}
