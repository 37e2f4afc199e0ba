import { parseRef, absRef, cellRef, sheetRef } from "./address";
import type { CellSpec, CellValue, DefinedNameSpec, SheetKey, SheetSpec, StyleKey } from "./types";

export interface BuiltSheet {
  sheet: SheetSpec;
  names: DefinedNameSpec[];
}

type CellExtras = Pick<CellSpec, "numFmt" | "style">;

/**
 * Collects one sheet's cells and settings. Formulas carry their cached result only when the layout
 * is built with a scoring result (withCache), so a file can be written with or without cached values.
 */
export class SheetBuilder {
  private readonly cells = new Map<string, CellSpec>();
  private readonly names: DefinedNameSpec[] = [];
  readonly spec: SheetSpec;

  constructor(
    key: SheetKey,
    name: string,
    private readonly withCache: boolean,
  ) {
    this.spec = {
      key,
      name,
      cells: [],
      columns: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
      protect: true,
      print: { orientation: "portrait", fitToWidth: true },
    };
  }

  /** A constant, locked. User text goes through here or input(): never into a formula. */
  value(ref: string, value: CellValue, extras: CellExtras = {}): this {
    return this.put({ ref, value, ...extras });
  }

  /** An unlocked cell the user fills in. */
  input(ref: string, value: CellValue, extras: CellExtras = {}): this {
    return this.put({ ref, value, input: true, style: "input", ...extras });
  }

  formula(ref: string, formula: string, cached: CellValue | undefined, extras: CellExtras = {}): this {
    return this.put({ ref, formula, ...(this.withCache && cached !== undefined && { cached }), ...extras });
  }

  /** Column widths in characters, by column letter: widths({ A: 9, B: 40 }). */
  widths(byColumn: Record<string, number>): this {
    for (const [col, width] of Object.entries(byColumn)) this.spec.columns.push({ col, width });
    return this;
  }

  /** Styles a row of header cells from column `first`. */
  headers(row: number, first: number, labels: readonly string[], style: StyleKey = "header"): this {
    labels.forEach((label, i) => this.value(cellRef(first + i, row), label, { style }));
    return this;
  }

  /** A workbook-scope defined name for one cell of this sheet. */
  define(name: string, ref: string): this {
    const { column, row } = parseRef(ref);
    this.names.push({ name, ref: sheetRef(this.spec.name, absRef(column, row)) });
    return this;
  }

  build(): BuiltSheet {
    return { sheet: { ...this.spec, cells: [...this.cells.values()] }, names: this.names };
  }

  private put(cell: CellSpec): this {
    this.cells.set(cell.ref, { ...this.cells.get(cell.ref), ...cell });
    return this;
  }
}
