import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { Grid } from "../../../src/workbook/read/grid";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { excelJsGrid } from "../../../src/workbook/xlsx/exceljs-grid";
import {
  inspectPackage,
  isDate1904,
  SHARED_STRINGS_PART,
  STYLES_PART,
  workbookSheets,
} from "../../../src/workbook/xlsx/package";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import {
  BUILT_IN_DATE_FORMATS,
  dateStylesOf,
  isDateFormat,
  sharedStringsOf,
  worksheetGrid,
} from "../../../src/workbook/xlsx/xml-grid";
import { assessmentArb } from "../../fuzz/arbitraries";
import { SAMPLE } from "../../helpers/sample";

/**
 * The .xlsx reader's own worksheet parser (src/workbook/xlsx/xml-grid.ts) against ExcelJS's, which it
 * replaced in the reader: every sheet of every workbook here reads the same, cell by cell, through both.
 */

/** Every sheet of `data` as [xml grid, ExcelJS grid]. */
async function bothGrids(data: Uint8Array): Promise<[Grid, Grid][]> {
  const checked = await inspectPackage(data);
  if (!checked.ok) throw new Error(checked.message.en);
  const { parts } = checked;
  const context = {
    sharedStrings: sharedStringsOf(parts.get(SHARED_STRINGS_PART)),
    dateStyles: dateStylesOf(parts.get(STYLES_PART)),
    date1904: isDate1904(parts),
  };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheets = workbookSheets(parts);
  expect(sheets.map((s) => s.name)).toEqual(workbook.worksheets.map((ws) => ws.name));
  return sheets.map((s, i) => [
    worksheetGrid(s.name, parts.get(s.part)!, context),
    excelJsGrid(workbook.worksheets[i]!),
  ]);
}

/**
 * Where ExcelJS misreads: a formula's cached 0, FALSE or "" reads to it as never computed (its
 * FormulaValue drops falsy results: exceljs/lib/doc/cell.js, _copyModel). Ours reads the value.
 */
const UNCOMPUTED = JSON.stringify({ kind: "uncomputed" });
const FALSY_RESULTS = new Set(
  [{ kind: "number", value: 0 }, { kind: "boolean", value: false }, { kind: "blank" }].map((c) =>
    JSON.stringify(c),
  ),
);

/** The two grids hold the same: extent, merges, beyond, and every cell (and a margin past the extent). */
function expectSameGrid(ours: Grid, theirs: Grid): void {
  expect({ name: ours.name, lastRow: ours.lastRow, lastColumn: ours.lastColumn }).toEqual({
    name: theirs.name,
    lastRow: theirs.lastRow,
    lastColumn: theirs.lastColumn,
  });
  expect([...(ours.merges ?? [])].sort()).toEqual([...(theirs.merges ?? [])].sort());
  expect(ours.beyond).toEqual(theirs.beyond);
  const differences: string[] = [];
  for (let row = 1; row <= theirs.lastRow + 2; row++) {
    for (let column = 1; column <= theirs.lastColumn + 2; column++) {
      const a = JSON.stringify(ours.at(row, column));
      const b = JSON.stringify(theirs.at(row, column));
      if (a !== b && !(b === UNCOMPUTED && FALSY_RESULTS.has(a)))
        differences.push(`${ours.name} R${row}C${column}: ${a} ≠ ${b}`);
    }
  }
  expect(differences.slice(0, 10)).toEqual([]);
}

async function expectSameWorkbook(data: Uint8Array): Promise<number> {
  const grids = await bothGrids(data);
  for (const [ours, theirs] of grids) expectSameGrid(ours, theirs);
  return grids.length;
}

const FIXTURES = path.join(__dirname, "../../fixtures");

describe("the reader's worksheet XML parser reads as ExcelJS does", () => {
  it("StarScore's workbooks in either language, and the layout 2 and 3 fixtures", async () => {
    for (const lang of ["zh", "en"] as const) {
      const data = await writeXlsx(buildWorkbookLayout({ lang, assessment: SAMPLE }));
      expect(await expectSameWorkbook(data)).toBeGreaterThanOrEqual(6);
    }
    for (const fixture of ["layout-v2-sample-zh.xlsx", "layout-v3-sample-zh.xlsx"]) {
      expect(await expectSameWorkbook(readFileSync(path.join(FIXTURES, fixture)))).toBeGreaterThan(0);
    }
  }, 120_000);

  it("random assessments with hostile text (control characters, _xHHHH_, entities, long notes)", async () => {
    await fc.assert(
      fc.asyncProperty(
        assessmentArb({ maxEvaluators: 4, wide: true }),
        fc.constantFrom("zh", "en"),
        async (a, lang) => {
          await expectSameWorkbook(await writeXlsx(buildWorkbookLayout({ lang, assessment: a })));
        },
      ),
      { numRuns: 12, seed: 20261202 },
    );
  }, 300_000);

  it("what other producers write: inline and rich strings, escapes, str results, logical values, errors, dates, merges", async () => {
    const zip = await JSZip.loadAsync(
      await writeXlsx(buildWorkbookLayout({ lang: "en", assessment: SAMPLE })),
    );
    const styles = await zip.file("xl/styles.xml")!.async("string");
    // A custom date format and a built-in one, as cell styles 1 and 2 appended to cellXfs.
    const count = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    zip.file(
      "xl/styles.xml",
      styles
        .replace(
          /<numFmts count="(\d+)">/,
          (_, n: string) =>
            `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="190" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>`,
        )
        .replace(
          /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/,
          (_, xfs: string) =>
            `<cellXfs count="${count + 2}">${xfs}<xf numFmtId="190" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`,
        ),
    );
    const sheet = "xl/worksheets/sheet1.xml";
    const xml = await zip.file(sheet)!.async("string");
    const cells = [
      `<c r="AA1" t="inlineStr"><is><t>plain _x0041_ kept</t></is></c>`,
      `<c r="AB1" t="inlineStr"><is><r><t>rich </t></r><r><rPr><b/></rPr><t>_x0041_ run</t></r></is></c>`,
      `<c r="AC1" t="str"><v>a &amp;lt; b</v></c>`,
      `<c r="AD1" t="b"><v>1</v></c>`,
      `<c r="AE1" t="e"><v>#N/A</v></c>`,
      `<c r="AF1" s="${count}"><v>45000</v></c>`,
      `<c r="AG1" s="${count + 1}"><v>45000.5</v></c>`,
      `<c r="AH1"><f>1+1</f></c>`,
      `<c r="AI1" t="str"><f>"x"</f><v>x</v></c>`,
      `<c r="AJ1"><v>12abc</v></c>`,
      `<c r="AK1"><v>abc</v></c>`,
      `<c r="AL1" t="d"><v>2024-01-02</v></c>`,
      `<c r="AM1" s="${count}"><f>45000</f><v>45000</v></c>`,
    ].join("");
    const edited = xml
      .replace(/<row r="1"([^>]*)>/, `<row r="1"$1>`)
      .replace(/(<row r="1"[^>]*>[\s\S]*?)<\/row>/, `$1${cells}</row>`)
      .replace(
        /<\/sheetData>/,
        `<row r="30"><c r="AO30"><v>5</v></c><c r="AP30"><v>6</v></c></row></sheetData>`,
      )
      .replace(
        /<mergeCells count="(\d+)">/,
        (_, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="AO30:AP31"/>`,
      );
    expect(edited).toContain("AO30:AP31");
    zip.file(sheet, edited);
    const data = await zip.generateAsync({ type: "uint8array" });
    await expectSameWorkbook(data);
    const ours = (await bothGrids(data))[0]![0];
    const at = (column: number) => ours.at(1, column);
    expect(at(27)).toEqual({ kind: "text", value: "plain _x0041_ kept" });
    expect(at(28)).toEqual({ kind: "text", value: "rich A run" });
    expect(at(29)).toEqual({ kind: "text", value: "a < b" });
    expect(at(30)).toEqual({ kind: "boolean", value: true });
    expect(at(31)).toEqual({ kind: "error", value: "#N/A" });
    expect(at(32)).toEqual({ kind: "date", value: new Date("2023-03-15T00:00:00Z") });
    expect(at(33)).toEqual({ kind: "date", value: new Date("2023-03-15T12:00:00Z") });
    expect(at(34)).toEqual({ kind: "uncomputed" });
    expect(at(36)).toEqual({ kind: "number", value: 12 });
    expect(at(37)).toEqual({ kind: "error", value: "#NUM!" });
    expect(ours.at(30, 42)).toEqual({ kind: "blank" });
  }, 60_000);

  it("the built-in date formats are the ones ExcelJS's table of default formats gives a date code", () => {
    // ExcelJS's own table (not its API: read here only to check ours against it).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const table = require("exceljs/lib/xlsx/defaultnumformats") as Record<string, { f: string }>;
    const dates = Object.entries(table)
      .filter(([, format]) => format.f !== undefined && isDateFormat(format.f))
      .map(([id]) => Number(id));
    expect([...BUILT_IN_DATE_FORMATS].sort((a, b) => a - b)).toEqual(dates.sort((a, b) => a - b));
  });

  it("where ExcelJS misread: a cached 0, FALSE or empty text, and CDATA", () => {
    const grid = worksheetGrid(
      "S",
      `<worksheet><sheetData><row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c>` +
        `<c r="C1" t="str"><f>""</f><v></v></c><c r="D1"><f>1</f></c><c r="E1"><v><![CDATA[7]]></v></c></row></sheetData></worksheet>`,
      { sharedStrings: [], dateStyles: new Set(), date1904: false },
    );
    expect([1, 2, 3, 4, 5].map((column) => grid.at(1, column))).toEqual([
      { kind: "number", value: 0 },
      { kind: "boolean", value: false },
      { kind: "blank" },
      { kind: "uncomputed" },
      { kind: "number", value: 7 },
    ]);
  });

  it("formulas' text is skipped, whatever their attributes, entities or sharing; their cached values read", () => {
    const grid = worksheetGrid(
      "S",
      `<worksheet><sheetData><row r="1"><c r="A1"><f>IF(B1&lt;2,"a&amp;b","")</f><v>3</v></c>` +
        `<c r="B1"><f t="shared" ref="B1:C1" si="0">A1*2</f><v>6</v></c><c r="C1"><f t="shared" si="0"/><v>8</v></c>` +
        `<c r="D1" t="str"><f aca="false">"x&amp;amp;y"</f><v>x&amp;amp;y</v></c><c r="E1"><f ca="1">NOW()</f></c>` +
        `<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1"><v>9</v></c></row></sheetData></worksheet>`,
      { sharedStrings: [], dateStyles: new Set(), date1904: false },
    );
    expect([1, 2, 3, 4, 5, 6, 7].map((column) => grid.at(1, column))).toEqual([
      { kind: "number", value: 3 },
      { kind: "number", value: 6 },
      { kind: "number", value: 8 },
      { kind: "text", value: "x&y" },
      { kind: "uncomputed" },
      { kind: "error", value: "#DIV/0!" },
      { kind: "number", value: 9 },
    ]);
  });

  it("a merge outside Excel's grid, or past the cells merges may cover, is left out (never expanded)", () => {
    const context = { sharedStrings: [], dateStyles: new Set<number>(), date1904: false };
    const grid = worksheetGrid(
      "S",
      `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData>` +
        `<mergeCells><mergeCell ref="A1:ZZZ1048576"/><mergeCell ref="a1:xfd20000"/><mergeCell ref="A1:B1:C1"/>` +
        `<mergeCell ref="D5:E6"/></mergeCells></worksheet>`,
      context,
    );
    expect(grid.merges).toEqual(["D5:E6"]);
    expect(grid.at(1, 2)).toEqual({ kind: "number", value: 2 });
    expect({ lastRow: grid.lastRow, lastColumn: grid.lastColumn }).toEqual({ lastRow: 6, lastColumn: 5 });
  });

  it("a part that is not well-formed XML throws (the reader turns it into its message)", () => {
    expect(() =>
      worksheetGrid("S", "<worksheet><sheetData><row></sheetData>", {
        sharedStrings: [],
        dateStyles: new Set(),
        date1904: false,
      }),
    ).toThrow();
  });
});
