/**
 * Proves the Gnumeric recalculation harness (gnumeric.ts, xlsx-values.ts) on small ExcelJS
 * workbooks written WITHOUT cached results, so every value below was computed by Gnumeric itself;
 * and records the behaviours of Gnumeric the layout's formulas are written around.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { EngineResult } from "./engine";
import { gnumericProblem, recalculateInGnumeric } from "./gnumeric";

jest.setTimeout(120_000);

// No skipping: the formulas' proof needs a real engine, and `.ci/run` installs it.
test("Gnumeric (ssconvert) is installed", () => expect(gnumericProblem()).toBeNull());

/** Formulas (without "=") into cells of a sheet, with no cached result. */
function formulas(ws: ExcelJS.Worksheet, byCell: Record<string, string>): void {
  for (const [ref, formula] of Object.entries(byCell))
    ws.getCell(ref).value = { formula } as ExcelJS.CellFormulaValue;
}

async function writeMain(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const score = wb.addWorksheet("评分");
  const detail = wb.addWorksheet("明细");
  const errs = wb.addWorksheet("错误");

  // Numbers, rounding, text, booleans, through names on a Chinese sheet.
  [1, 2, 3].forEach((n, i) => (score.getCell(`A${i + 1}`).value = n));
  formulas(score, {
    B1: "SUM(A1:A3)",
    B2: "ROUND(ROUND(70-1+0.995,9),2)",
    B3: 'IF(B1>5,"三星级","未通过")',
    B4: "AND(A1=1,B1=6)",
    B5: "AND(A1=1,A2=3)",
    B6: 'IF(A1>5,"x","")',
  });
  for (const [ref, name] of [
    ["$B$1", "Result_Sum"],
    ["$B$2", "Result_Round"],
    ["$B$3", "Result_Level"],
    ["$B$4", "Result_Pass"],
    ["$B$5", "Result_Fail"],
    ["$B$6", "Result_Blank"],
  ] as const) {
    wb.definedNames.add(`'评分'!${ref}`, name);
  }
  wb.definedNames.add("'评分'!$A$1:$A$3", "Entries");

  // What the layout relies on: "" results of IF count as 0 in SUMPRODUCT over bare ranges and are
  // left out by COUNTIFS(">=0"); and what it avoids: a function over a range inside SUMPRODUCT.
  // On a row of the range, LEN(B1:B3) is the cell on that row alone (a silently wrong count); on
  // another row, #VALUE!.
  [0.5, 0.3, 0.2].forEach((w, i) => (detail.getCell(`A${i + 1}`).value = w));
  formulas(detail, {
    B1: 'IF(评分!A1>1,评分!A1*10,"")',
    B2: 'IF(评分!A2>1,评分!A2*10,"")',
    B3: 'IF(评分!A3>1,评分!A3*10,"")',
    C1: "SUMPRODUCT(A1:A3,B1:B3)",
    D1: 'COUNTIFS(B1:B3,">=0",A1:A3,">0")',
    C2: "SUMPRODUCT(--(LEN(B1:B3)>0))",
    C3: "INDEX(A1:A3,MATCH(20,B1:B3,0))",
    C4: "SUMPRODUCT(--(LEN(B1:B3)>0))",
    C5: "SUMPRODUCT(--ISNUMBER(B1:B3),A1:A3)",
  });

  formulas(errs, {
    A1: "1/0",
    A2: 'VALUE("abc")',
    A3: 'MATCH("不存在",明细!A1:A3,0)',
    A4: "A1+1",
    A5: "IFERROR(A1,0)",
  });
  await wb.xlsx.writeFile(file);
}

/** A workbook whose data validation carries errorStyle="error", which the schema does not allow. */
async function writeBadValidation(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = 1;
  formulas(ws, { A2: "A1*2" });
  ws.getCell("B1").dataValidation = {
    type: "whole",
    operator: "between",
    formulae: [0, 10],
    showErrorMessage: true,
    errorStyle: "error",
  };
  await wb.xlsx.writeFile(file);
}

describe("Gnumeric recalculation harness", () => {
  let dir: string;
  let main: EngineResult;
  let missing: EngineResult;
  let garbage: EngineResult;
  let badValidation: EngineResult;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "starscore-gnumeric-harness-"));
    const mainFile = path.join(dir, "main.xlsx");
    const garbageFile = path.join(dir, "garbage.xlsx");
    const badFile = path.join(dir, "bad-validation.xlsx");
    await writeMain(mainFile);
    await writeBadValidation(badFile);
    // (Plain text is no garbage to Gnumeric: it imports it as a text file.)
    writeFileSync(garbageFile, "PK\u0003\u0004 not a zip");
    [main, missing, garbage, badValidation] = (await recalculateInGnumeric(
      [mainFile, path.join(dir, "missing.xlsx"), garbageFile, badFile],
      { cells: ["明细!B1:D5", "'评分'!$A$1", "评分!Z99"] },
    )) as [EngineResult, EngineResult, EngineResult, EngineResult];
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads the workbook without a warning and counts its formula cells", () => {
    expect(main.loadError).toBeUndefined();
    expect(main.warnings).toEqual([]);
    expect(main.formulaCells).toBe(6 + 3 + 6 + 5);
    expect(main.recalcSeconds).toBeGreaterThan(0);
  });

  it("reads defined names: numbers, rounding, text, booleans, a blank text result; ranges apart", () => {
    expect(main.names.Result_Sum).toEqual({ value: 6, text: "6", type: "number" });
    expect(main.names.Result_Round).toEqual({ value: 70, text: "70", type: "number" });
    // Text results come back as shared strings (t="s"), resolved.
    expect(main.names.Result_Level).toEqual({ value: "三星级", text: "三星级", type: "text" });
    expect(main.names.Result_Pass).toEqual({ value: 1, text: "TRUE", type: "boolean" });
    expect(main.names.Result_Fail).toEqual({ value: 0, text: "FALSE", type: "boolean" });
    expect(["text", "empty"]).toContain(main.names.Result_Blank?.type);
    expect(main.names.Result_Blank?.text).toBe("");
    expect(main.names.Entries).toBeUndefined();
    expect(main.otherNames.Entries).toMatch(/评分'?!\$A\$1:\$A\$3$/);
  });

  it("reports requested cells under unquoted SheetName!A1 keys, ranges expanded", () => {
    expect(main.cells["明细!B2"]).toEqual({ value: 20, text: "20", type: "number" });
    expect(main.cells["明细!B1"]?.text).toBe("");
    expect(main.cells["评分!A1"]).toEqual({ value: 1, text: "1", type: "number" });
    expect(main.cells["评分!Z99"]).toEqual({ value: null, text: "", type: "empty" });
  });

  it('SUMPRODUCT over bare ranges takes "" as 0; COUNTIFS(">=0") leaves "" out; INDEX/MATCH work', () => {
    expect(main.cells["明细!C1"]?.value).toBeCloseTo(0.3 * 20 + 0.2 * 30, 12);
    expect(main.cells["明细!D1"]?.value).toBe(2);
    expect(main.cells["明细!C3"]?.value).toBe(0.3);
  });

  it("gives no array evaluation to a function over a range inside SUMPRODUCT (why layout 3 has none)", () => {
    // Two of B1:B3 are filled in.
    expect(main.cells["明细!C2"]).toEqual({ value: 1, text: "1", type: "number" });
    expect(main.cells["明细!C4"]).toMatchObject({ type: "error", error: "#VALUE!" });
    expect(main.cells["明细!C5"]).toMatchObject({ type: "error", error: "#VALUE!" });
  });

  it("lists every formula error with its formula", () => {
    const byCell = Object.fromEntries(main.errors.map((e) => [e.cell, e]));
    expect(Object.keys(byCell).sort()).toEqual(
      ["明细!C4", "明细!C5", "错误!A1", "错误!A2", "错误!A3", "错误!A4"].sort(),
    );
    expect(byCell["错误!A1"]).toEqual({ cell: "错误!A1", formula: "=1/0", error: "#DIV/0!" });
    expect(byCell["错误!A2"]?.error).toBe("#VALUE!");
    expect(byCell["错误!A3"]?.error).toBe("#N/A");
    expect(byCell["错误!A4"]).toEqual({ cell: "错误!A4", formula: "=A1+1", error: "#DIV/0!" });
  });

  it('reports load failures, and Gnumeric\'s import warnings (errorStyle="error" is not in the schema)', () => {
    expect(missing.loadError).toBe("no such file");
    expect(garbage.loadError).toBeTruthy();
    expect(badValidation.loadError).toBeUndefined();
    expect(badValidation.names).toEqual({});
    expect(badValidation.warnings.join("\n")).toContain("errorStyle");
  });
});
