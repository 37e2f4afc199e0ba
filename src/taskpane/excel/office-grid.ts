import { columnIndex } from "../../workbook/address";
import type { CellContent, Grid } from "../../workbook/read/grid";
import { dateFromSerial, isDateFormat } from "./number-format";

/**
 * A worksheet's used range, loaded through Office.js in one batch, as a Grid for the readers (the
 * twin of the ExcelJS adapter, src/workbook/xlsx/exceljs-grid.ts). What the range must have loaded:
 * `address` (its top-left cell is the origin: a used range need not start at A1), `values`,
 * `valueTypes` and `numberFormat`. Formulas read as their results, as Excel computed them.
 *
 * - "Double" / "Integer": a number, or a date when the cell's number format is a date format
 *   (Excel stores a date as its serial number; the format is all that tells the two apart);
 * - "String": text; "" is blank (a formula returning "" is blank to the readers as to Excel's COUNT);
 * - "Boolean"; "Error": the error's text ("#REF!", "#N/A"), from `values`;
 * - "Empty", or a cell outside the range: blank.
 */
export interface LoadedRange {
  readonly address: string;
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

export function officeGrid(name: string, range: LoadedRange | undefined, beyond?: Grid["beyond"]): Grid {
  if (!range) return { name, lastRow: 0, lastColumn: 0, at: () => BLANK, ...(beyond && { beyond }) };
  const origin = rangeOrigin(range.address);
  const rows = range.values.length;
  const columns = rows > 0 ? range.values[0]!.length : 0;
  return {
    name,
    lastRow: rows > 0 ? origin.row + rows - 1 : 0,
    lastColumn: columns > 0 ? origin.column + columns - 1 : 0,
    at: (row, column) => {
      const r = row - origin.row;
      const c = column - origin.column;
      if (r < 0 || c < 0 || r >= rows || c >= columns) return BLANK;
      return cellContent(range.values[r]![c], range.valueTypes[r]?.[c], range.numberFormat[r]?.[c]);
    },
    ...(beyond && { beyond }),
  };
}

const BLANK: CellContent = { kind: "blank" };

/** A sheet read as bands of rows (sheets.ts readInParts), one grid: each cell from its band. */
export function bandsGrid(name: string, bands: readonly LoadedRange[], beyond?: Grid["beyond"]): Grid {
  const grids = bands.map((band) => officeGrid(name, band));
  const origins = bands.map((band) => rangeOrigin(band.address).row);
  return {
    name,
    lastRow: Math.max(0, ...grids.map((g) => g.lastRow)),
    lastColumn: Math.max(0, ...grids.map((g) => g.lastColumn)),
    at: (row, column) => {
      const i = grids.findIndex((g, k) => row >= origins[k]! && row <= g.lastRow);
      return i < 0 ? BLANK : grids[i]!.at(row, column);
    },
    ...(beyond && { beyond }),
  };
}

export function cellContent(
  value: unknown,
  valueType: string | undefined,
  numberFormat: unknown,
): CellContent {
  switch (valueType) {
    case "Double":
    case "Integer":
      if (typeof value !== "number" || !Number.isFinite(value)) return BLANK;
      return isDateFormat(numberFormat)
        ? { kind: "date", value: dateFromSerial(value) }
        : { kind: "number", value };
    case "String":
      return typeof value === "string" && value !== "" ? { kind: "text", value } : BLANK;
    case "Boolean":
      return typeof value === "boolean" ? { kind: "boolean", value } : BLANK;
    case "Error":
      return { kind: "error", value: typeof value === "string" && value !== "" ? value : "#VALUE!" };
    case "Empty":
      return BLANK;
    default:
      // "Unknown", "RichValue" (linked data types, images in cells): what the value reads as.
      if (typeof value === "number" && Number.isFinite(value)) return { kind: "number", value };
      if (typeof value === "string" && value !== "") return { kind: "text", value };
      if (typeof value === "boolean") return { kind: "boolean", value };
      return BLANK;
  }
}

/** "'评分'!A1:GZ80", "Sheet1!C3", "A1" → the top-left cell's row and column. */
export function rangeOrigin(address: string): { row: number; column: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const match = /^\$?([A-Z]{1,3})\$?(\d+)/i.exec(local);
  if (!match) throw new RangeError(`not a range address: ${address}`);
  return { row: Number(match[2]), column: columnIndex(match[1]!) };
}
