/**
 * The highlight conditional formats (src/workbook/highlight-marks.ts) evaluated by real engines.
 * A conditional format's formula is an ordinary formula evaluated for each cell of its range, with
 * its relative references moved to the cell and ROW() and COLUMN() the cell's own; so each rule's
 * formula, moved to a cell, is written INTO that cell of a generated workbook (no cached values),
 * and LibreOffice Calc and Gnumeric compute it there. A second workbook holds, at the same cells,
 * the key formula alone (the text the rule looks up), to be compared with the key the task pane
 * writes for that cell (CellPlaces.keyOf through markKey). The store holds a few keys, as the pane
 * writes them, in the unlocked columns the defined name StarScore_Marks covers.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SheetKey } from "../../src/workbook/types";
import { cellRef, columnIndex } from "../../src/workbook/address";
import { markFormula, markKey, markLine, MARKS } from "../../src/workbook/highlight-marks";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { scoringColumns, scoringRows } from "../../src/workbook/scoring-grid";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { assessmentWith } from "../helpers/builders";
import { cellKey, type Engine } from "./engine";
import { GNUMERIC } from "./gnumeric";
import { LIBREOFFICE } from "./libreoffice";

jest.setTimeout(300_000);

const assessment = assessmentWith({ evaluators: 3, deductions: 1 });
const columns = scoringColumns(3);
const rowOf = (code: string) => scoringRows().find((r) => r.id === code)!.row;
/** A Scoring row whose column A is empty (a primary indicator's heading): keyed by row number. */
const primaryRow = scoringRows().find((r) => r.kind === "primary")!.row;

interface Probe {
  sheet: SheetKey;
  ref: string;
  /** The mark the store gives the cell, if any. */
  mark?: "error" | "warning";
  /** The key the pane writes for the cell: column A's text on Scoring, else the row number. */
  rowKey: string | number;
}

const probes: Probe[] = [
  { sheet: "scoring", ref: cellRef(columns.evaluator(0), rowOf("B3")), mark: "error", rowKey: "B3" },
  { sheet: "scoring", ref: cellRef(columns.evaluator(1), rowOf("B3")), rowKey: "B3" },
  { sheet: "scoring", ref: cellRef(columns.evaluator(2), rowOf("A18")), mark: "warning", rowKey: "A18" },
  { sheet: "scoring", ref: cellRef(columns.applicable, rowOf("B7")), mark: "error", rowKey: "B7" },
  { sheet: "scoring", ref: cellRef(3, primaryRow), mark: "warning", rowKey: primaryRow },
  { sheet: "info", ref: "B5", mark: "warning", rowKey: 5 },
  { sheet: "info", ref: "B6", rowKey: 6 },
  { sheet: "special", ref: "C5", mark: "error", rowKey: 5 },
  { sheet: "summary", ref: "C8", mark: "error", rowKey: 8 },
];

const keyOf = (p: Probe) => markKey(p.sheet, p.rowKey, columnIndex(p.ref.replace(/\d+/g, "")));

/** The rule's (or the key's) formula for A1, moved to the cell: only `$A1` is relative. */
function movedTo(formula: string, ref: string): string {
  const row = Number(/\d+/.exec(ref)![0]);
  return formula.replace(/^=/, "").replace(/\$A1\b/g, `$A${row}`);
}

/** The key part of the rule: what COUNTIF looks up after "E " or "W ". */
function keyFormulaOf(sheet: SheetKey): string {
  const rule = markFormula(sheet, "error");
  return rule.slice(rule.indexOf('"E "&') + 5, rule.lastIndexOf(")>0"));
}

async function workbook(file: string, formulaAt: (p: Probe) => string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment }))) as never);
  const rules = wb.getWorksheet(SHEET_NAMES.rules.zh)!;
  const marked = probes.filter((p) => p.mark);
  marked.forEach((p, i) => {
    const column = columnIndex(MARKS.column) + (i % MARKS.columns);
    const row = MARKS.firstRow + Math.floor(i / MARKS.columns);
    rules.getCell(row, column).value = markLine(p.mark!, keyOf(p));
  });
  for (const p of probes) {
    wb.getWorksheet(SHEET_NAMES[p.sheet].zh)!.getCell(p.ref).value = { formula: formulaAt(p) } as never;
  }
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe.each([LIBREOFFICE, GNUMERIC])("the highlight rules in $name", (engine: Engine) => {
  let dir: string;
  let results: Awaited<ReturnType<Engine["recalculate"]>>;
  const cells = probes.map((p) => `'${SHEET_NAMES[p.sheet].zh}'!${p.ref}`);

  beforeAll(async () => {
    expect(engine.problem()).toBeNull();
    dir = mkdtempSync(path.join(tmpdir(), "starscore-marks-"));
    const files = ["errors", "warnings", "keys"].map((n) => path.join(dir, `${n}.xlsx`));
    await workbook(files[0]!, (p) => movedTo(markFormula(p.sheet, "error"), p.ref));
    await workbook(files[1]!, (p) => movedTo(markFormula(p.sheet, "warning"), p.ref));
    await workbook(files[2]!, (p) => movedTo(keyFormulaOf(p.sheet), p.ref));
    results = await engine.recalculate(files, cells);
  }, 300_000);

  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  const at = (file: number, p: Probe) => results[file]!.cells[cellKey(SHEET_NAMES[p.sheet].zh, p.ref)];

  test("each file loads, and no formula of the rules errs", () => {
    for (const result of results) {
      expect(result.loadError).toBeUndefined();
      expect(
        result.errors.filter((e) => probes.some((p) => e.cell === cellKey(SHEET_NAMES[p.sheet].zh, p.ref))),
      ).toEqual([]);
    }
  });

  test("the key computed in each cell is the key the pane writes for it", () => {
    expect(probes.map((p) => [p.ref, at(2, p)?.text])).toEqual(probes.map((p) => [p.ref, keyOf(p)]));
  });

  test("the error rule is true exactly on the cells stored with E, the warning rule on those with W", () => {
    // A logical result: 1 or 0 (LibreOffice shows it in the cell's own number format, "0" on entries).
    const holds = (file: number, p: Probe) => [p.sheet, p.ref, at(file, p)?.value];
    expect(probes.map((p) => holds(0, p))).toEqual(
      probes.map((p) => [p.sheet, p.ref, p.mark === "error" ? 1 : 0]),
    );
    expect(probes.map((p) => holds(1, p))).toEqual(
      probes.map((p) => [p.sheet, p.ref, p.mark === "warning" ? 1 : 0]),
    );
  });
});
