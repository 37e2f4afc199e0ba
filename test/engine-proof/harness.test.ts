/**
 * Proves the LibreOffice recalculation harness on small ExcelJS workbooks written WITHOUT cached
 * results, so every value below was computed by LibreOffice Calc itself.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { libreOfficeProblem, recalculateInLibreOffice, type LoResult } from "./libreoffice";

jest.setTimeout(180_000);

// No skipping: the formulas' proof needs a real engine, and `.ci/run` installs it.
const describeLo = describe;
test("LibreOffice Calc and python3-uno are installed", () => expect(libreOfficeProblem()).toBeNull());

/** Main proof workbook: sheets 评分 / 设置 / 明细 / 错误, workbook-scope names on Chinese sheets. */
async function writeMain(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const score = wb.addWorksheet("评分");
  const setting = wb.addWorksheet("设置");
  const detail = wb.addWorksheet("明细");
  const errs = wb.addWorksheet("错误");

  // (a) plain recalculation: numbers, rounding, text, booleans.
  score.getCell("A1").value = 1;
  score.getCell("A2").value = 2;
  score.getCell("A3").value = 3;
  score.getCell("B1").value = { formula: "SUM(A1:A3)" };
  score.getCell("B2").value = { formula: "ROUND(ROUND(70-1+0.995,9),2)" };
  score.getCell("B3").value = { formula: 'IF(B1>5,"三星级","未通过")' };
  score.getCell("B4").value = { formula: "AND(A1=1,A2=2,B1=6)" };
  score.getCell("B5").value = { formula: "AND(A1=1,A2=3)" };
  wb.definedNames.add("'评分'!$B$1", "Result_Sum");
  wb.definedNames.add("'评分'!$B$2", "Result_Round");
  wb.definedNames.add("'评分'!$B$3", "Result_Level");
  wb.definedNames.add("'评分'!$B$4", "Result_Pass");
  wb.definedNames.add("'评分'!$B$5", "Result_Fail");

  // (c) SUMPRODUCT over IF(...,"") results: the "" texts count as 0.
  score.getCell("C1").value = 0.5;
  score.getCell("C2").value = 0.3;
  score.getCell("C3").value = 0.2;
  for (const r of [1, 2, 3]) score.getCell(`D${r}`).value = { formula: `IF(A${r}>1,A${r}*10,"")` };
  score.getCell("E1").value = { formula: "SUMPRODUCT(C1:C3,D1:D3)" };
  score.getCell("E2").value = { formula: 'SUMPRODUCT((D1:D3<>"")*C1:C3)' };
  wb.definedNames.add("'评分'!$E$1", "Result_Weighted");
  wb.definedNames.add("'评分'!$E$2", "Result_WeightUsed");

  // (e) a name on another sheet inside formulas.
  setting.getCell("A1").value = 5;
  setting.getCell("A2").value = "服务";
  wb.definedNames.add("'设置'!$A$1", "Setting_Step");
  wb.definedNames.add("'设置'!$A$2", "Setting_Category");
  score.getCell("F1").value = { formula: "MOD(A3*4,Setting_Step)" };
  score.getCell("F2").value = { formula: "ROUND(87.46/Setting_Step,0)*Setting_Step" };
  wb.definedNames.add("'评分'!$F$1", "Result_Mod");
  wb.definedNames.add("'评分'!$F$2", "Result_Stepped");

  // (d) SUMIFS / COUNTIFS / INDEX-MATCH with Chinese text criteria.
  const rows: [string, number][] = [
    ["服务", 10],
    ["产品", 20],
    ["服务", 30],
    ["培训", 40],
  ];
  rows.forEach(([cat, n], i) => {
    detail.getCell(`A${i + 1}`).value = cat;
    detail.getCell(`B${i + 1}`).value = n;
  });
  detail.getCell("D1").value = { formula: 'SUMIFS(B1:B4,A1:A4,"服务")' };
  detail.getCell("D2").value = { formula: 'COUNTIFS(A1:A4,"服务",B1:B4,">15")' };
  detail.getCell("D3").value = { formula: 'INDEX(B1:B4,MATCH("培训",A1:A4,0))' };
  detail.getCell("D4").value = { formula: "SUMIFS(B1:B4,A1:A4,Setting_Category)" };
  detail.getCell("D5").value = { formula: "INDEX(A1:A4,MATCH(MAX(B1:B4),B1:B4,0))" };
  detail.getCell("D6").value = { formula: 'COUNTIFS(A1:A4,"<>服务")' };

  // (b) errors.
  errs.getCell("A1").value = { formula: "1/0" };
  errs.getCell("A2").value = { formula: "#REF!+1" };
  errs.getCell("A3").value = { formula: "INDEX(评分!A1:A3,5)" }; // Excel: #REF!, LibreOffice: Err:502
  errs.getCell("A4").value = { formula: 'MATCH("不存在",明细!A1:A4,0)' };
  errs.getCell("A5").value = { formula: 'VALUE("abc")' }; // Excel: #VALUE!, LibreOffice: Err:502
  errs.getCell("A6").value = { formula: "A1+1" }; // propagated
  errs.getCell("A7").value = { formula: "IFERROR(A1,0)" }; // not an error
  errs.getCell("A8").value = { formula: "'不存在'!A1*2" }; // missing sheet: LibreOffice says #NAME?

  await wb.xlsx.writeFile(file);
}

/** A second, tiny workbook: checks several files share one run and keep their order. */
async function writeSmall(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("总分");
  ws.getCell("A1").value = n;
  ws.getCell("A2").value = { formula: "A1*2" };
  wb.definedNames.add("'总分'!$A$2", "Result_Double");
  await wb.xlsx.writeFile(file);
}

describeLo("LibreOffice recalculation harness", () => {
  let dir: string;
  let main: LoResult;
  let small: LoResult;
  let missing: LoResult;
  let garbage: LoResult;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "starscore-lo-"));
    const mainFile = path.join(dir, "main.xlsx");
    const smallFile = path.join(dir, "small.xlsx");
    const garbageFile = path.join(dir, "garbage.xlsx");
    await writeMain(mainFile);
    await writeSmall(smallFile, 21);
    writeFileSync(garbageFile, "this is not a workbook\n");
    [main, missing, small, garbage] = (await recalculateInLibreOffice(
      [mainFile, path.join(dir, "missing.xlsx"), smallFile, garbageFile],
      { cells: ["'评分'!D1:D3", "明细!D1:D6", "'设置'!$A$1", "评分!Z99"] },
    )) as [LoResult, LoResult, LoResult, LoResult];
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads the workbook and counts its formula cells", () => {
    expect(main.loadError).toBeUndefined();
    expect(main.file).toBe(path.join(dir, "main.xlsx"));
    expect(main.formulaCells).toBe(5 + 3 + 2 + 2 + 6 + 8);
    expect(main.recalcSeconds).toBeGreaterThanOrEqual(0);
  });

  it("(a) recalculates defined names: numbers, rounding, text and booleans", () => {
    expect(main.names.Result_Sum).toEqual({ value: 6, text: "6", type: "number" });
    expect(main.names.Result_Round).toEqual({ value: 70, text: "70", type: "number" });
    expect(main.names.Result_Level).toEqual({ value: "三星级", text: "三星级", type: "text" });
    // LibreOffice keeps booleans as 1/0; the text tells TRUE/FALSE apart from numbers.
    expect(main.names.Result_Pass).toEqual({ value: 1, text: "TRUE", type: "boolean" });
    expect(main.names.Result_Fail).toEqual({ value: 0, text: "FALSE", type: "boolean" });
    // Names on a Chinese sheet name written by ExcelJS load as single-cell names.
    expect(main.names.Setting_Step).toEqual({ value: 5, text: "5", type: "number" });
    expect(main.names.Setting_Category).toEqual({ value: "服务", text: "服务", type: "text" });
  });

  it("(a) reports requested cells under unquoted SheetName!A1 keys, ranges expanded", () => {
    expect(main.cells["评分!D1"]).toEqual({ value: "", text: "", type: "text" });
    expect(main.cells["评分!D2"]).toEqual({ value: 20, text: "20", type: "number" });
    expect(main.cells["评分!D3"]).toEqual({ value: 30, text: "30", type: "number" });
    expect(main.cells["设置!A1"]).toEqual({ value: 5, text: "5", type: "number" });
    expect(main.cells["评分!Z99"]).toEqual({ value: null, text: "", type: "empty" });
  });

  it("(b) lists every formula error with its formula", () => {
    const byCell = Object.fromEntries(main.errors.map((e) => [e.cell, e]));
    expect(Object.keys(byCell).sort()).toEqual(
      ["错误!A1", "错误!A2", "错误!A3", "错误!A4", "错误!A5", "错误!A6", "错误!A8"].sort(),
    );
    expect(byCell["错误!A1"]).toEqual({ cell: "错误!A1", formula: "=1/0", error: "Err:532 #DIV/0!" });
    expect(byCell["错误!A2"]).toEqual({ cell: "错误!A2", formula: "=#REF!+1", error: "Err:524 #REF!" });
    // Where LibreOffice differs from Excel it reports its own code: Excel would show #REF! / #VALUE!.
    expect(byCell["错误!A3"]).toEqual({ cell: "错误!A3", formula: "=INDEX(评分!A1:A3,5)", error: "Err:502" });
    expect(byCell["错误!A4"]?.error).toBe("Err:32767 #N/A");
    expect(byCell["错误!A5"]?.error).toBe("Err:502");
    expect(byCell["错误!A6"]).toEqual({ cell: "错误!A6", formula: "=A1+1", error: "Err:532 #DIV/0!" });
    expect(byCell["错误!A8"]?.error).toBe("Err:525 #NAME?");
  });

  it('(c) SUMPRODUCT treats "" results of IF formulas as 0', () => {
    expect(main.names.Result_Weighted?.value).toBeCloseTo(0.3 * 20 + 0.2 * 30, 12);
    expect(main.names.Result_WeightUsed?.value).toBeCloseTo(0.5, 12);
  });

  it("(d) SUMIFS, COUNTIFS and INDEX/MATCH work with Chinese text criteria", () => {
    const v = (a: string) => main.cells[`明细!${a}`]?.value;
    expect(v("D1")).toBe(40);
    expect(v("D2")).toBe(1);
    expect(v("D3")).toBe(40);
    expect(v("D4")).toBe(40);
    expect(v("D5")).toBe("培训");
    expect(v("D6")).toBe(2);
  });

  it("(e) a defined name on another sheet works inside formulas", () => {
    expect(main.names.Result_Mod?.value).toBe(2); // MOD(12, 5)
    expect(main.names.Result_Stepped?.value).toBe(85); // ROUND(17.492)*5
  });

  it("processes several files in one run, in order, and reports load failures", () => {
    expect(small.loadError).toBeUndefined();
    expect(small.names.Result_Double).toEqual({ value: 42, text: "42", type: "number" });
    expect(small.errors).toEqual([]);
    expect(small.formulaCells).toBe(1);
    expect(missing.loadError).toBe("no such file");
    expect(garbage.loadError).toBeTruthy();
  });
});
