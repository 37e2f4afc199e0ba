import type { Localised } from "../../spec/types";
import { parseRef, sheetRef } from "../address";
import { foldName as fold } from "../sheet-names";
import type { WorkbookLayout } from "../types";

/** What the as-written check (check.ts) can find; docs/workbook.md explains each. */
export const INTEGRITY_CODES = [
  "formula-overwritten",
  "formula-changed",
  "catalogue-changed",
  "helper-changed",
  "rules-changed",
  "row-missing",
  "sheet-missing",
  "shape-changed",
  "name-missing",
  "name-moved",
  "fingerprint-missing",
  "fingerprint-differs",
  "layout-older",
  "layout-newer",
  "value-differs",
] as const;

export type IntegrityCode = (typeof INTEGRITY_CODES)[number];

export interface IntegrityFinding {
  code: IntegrityCode;
  /** The sheet, as the workbook spells it, when the finding is about a sheet or a cell. */
  sheet?: string;
  /** A1 address on `sheet`, when the finding is about one cell. */
  ref?: string;
  /** "'评分'!N9": sheet-qualified and quoted, for selecting the cell. */
  cell?: string;
  /** What the cell is: "B3 得分", "Result_FinalScore", in the workbook's language. */
  what: string;
  /** What StarScore wrote (a formula "=…", a value as text), and what the cell holds. */
  expected?: string;
  found?: string;
  message: Localised;
}

/** "评分!N9": how the findings' messages name a cell. */
export const cellName = (sheet: string, ref: string) => `${sheet}!${ref}`;

/** The findings so far: one per cell (the first found), sorted by sheet, row and column at the end. */
export class Findings {
  private readonly list: IntegrityFinding[] = [];
  private readonly cells = new Set<string>();
  private readonly order: Map<string, number>;

  constructor(layout: WorkbookLayout) {
    this.order = new Map(layout.sheets.map((s, i) => [fold(s.name), i]));
  }

  has(sheet: string, ref: string): boolean {
    return this.cells.has(`${fold(sheet)}!${ref}`);
  }

  add(finding: Omit<IntegrityFinding, "message" | "cell">, message: Localised): void {
    if (finding.sheet !== undefined && finding.ref !== undefined) {
      const key = `${fold(finding.sheet)}!${finding.ref}`;
      if (this.cells.has(key)) return;
      this.cells.add(key);
    }
    const cell =
      finding.sheet !== undefined && finding.ref !== undefined
        ? sheetRef(finding.sheet, finding.ref)
        : undefined;
    this.list.push({ ...finding, ...(cell && { cell }), message });
  }

  sorted(): IntegrityFinding[] {
    const position = (f: IntegrityFinding) => {
      const sheet = f.sheet === undefined ? -1 : (this.order.get(fold(f.sheet)) ?? this.order.size);
      const { row, column } = f.ref ? parseRef(f.ref) : { row: 0, column: 0 };
      return [sheet, row, column];
    };
    return this.list
      .map((f, i) => ({ f, i, p: position(f) }))
      .sort((a, b) => a.p[0]! - b.p[0]! || a.p[1]! - b.p[1]! || a.p[2]! - b.p[2]! || a.i - b.i)
      .map(({ f }) => f);
  }
}
