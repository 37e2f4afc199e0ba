/**
 * A real layout-2 workbook, as StarScore wrote it before layout 3: test/fixtures/layout-v2-sample-zh.xlsx
 * was written by `starscore generate --from examples/sample-assessment.json --lang zh` at commit
 * 738a7cf (layout 2: the deduction count and items scored still needed array evaluation). `verify`
 * says it is an older layout to convert, not that its formulas were edited; `convert` upgrades it to
 * the current layout with every input carried over.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { ITEMS_SCORED_ROW, scoringColumns } from "../../src/workbook/scoring-grid";
import { INFO_ROWS, LAYOUT_VERSION } from "../../src/workbook/sheets/info";
import { bonusRows, deductionRowCount } from "../../src/workbook/sheets/special";
import { exported, runCli, tempDir } from "../helpers/run-cli";

const ROOT = path.resolve(__dirname, "../..");
const V2 = path.join(ROOT, "test/fixtures/layout-v2-sample-zh.xlsx");
const sample: Assessment = JSON.parse(
  readFileSync(path.join(ROOT, "examples/sample-assessment.json"), "utf8"),
);

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const formulaOf = (cell: ExcelJS.Cell) => (cell.value as { formula?: string } | null)?.formula;

/** The Special sheet's deduction count and the first evaluator's items scored, as formulas. */
async function countFormulas(file: string): Promise<{ deductions?: string; itemsScored?: string }> {
  const workbook = await load(file);
  const countRow = bonusRows(deductionRowCount(sample.deductions!.length)).deductionCountRow;
  const first = scoringColumns(sample.evaluators.length).evaluator(0);
  return {
    deductions: formulaOf(workbook.getWorksheet(SHEET_NAMES.special.zh)!.getCell(`C${countRow}`)),
    itemsScored: formulaOf(workbook.getWorksheet(SHEET_NAMES.scoring.zh)!.getCell(ITEMS_SCORED_ROW, first)),
  };
}

describe("a layout-2 workbook", () => {
  it("is the layout-2 file it claims to be: version 2, the formulas that needed array evaluation", async () => {
    const workbook = await load(V2);
    expect(workbook.getWorksheet(SHEET_NAMES.info.zh)!.getCell(`B${INFO_ROWS.layoutVersion}`).value).toBe(2);
    expect(await countFormulas(V2)).toEqual({
      deductions: "SUMPRODUCT(--((LEN(B5:B24)+LEN(C5:C24))>0))",
      itemsScored: expect.stringMatching(/^SUMPRODUCT\(--ISNUMBER\(/),
    });
  });

  it("verify: an older layout to convert, not formulas edited (exit 1, one finding)", async () => {
    const run = await runCli(["verify", V2, "--json", "--lang", "en"]);
    const report = JSON.parse(run.out) as {
      clean: boolean;
      findings: { cell: string; code: string; message: string }[];
    };
    expect({ code: run.code, err: run.err, clean: report.clean }).toEqual({ code: 1, err: "", clean: false });
    expect(report.findings.map((f) => [f.code, f.cell])).toEqual([
      ["layout-older", `${SHEET_NAMES.info.zh}!B${INFO_ROWS.layoutVersion}`],
    ]);
    expect(report.findings[0]!.message).toContain(`layout version 2`);
    expect(report.findings[0]!.message).toContain("this does not mean it was tampered with");
    expect(report.findings[0]!.message).toContain("starscore convert");
    const zh = await runCli(["verify", V2, "--lang", "zh"]);
    expect(zh.out).toContain("starscore convert");
    expect(zh.out).not.toMatch(/公式.*被修改/);
  });

  it("convert: upgraded to the current layout, every input carried, and verify then finds nothing", async () => {
    const dir = tempDir();
    const out = path.join(dir, "upgraded.xlsx");
    const run = await runCli(["convert", V2, "-o", out]);
    expect(run).toEqual({
      code: 0,
      out: `已写入 ${out}：3 个评价人列，中文，版式版本 ${LAYOUT_VERSION}。\n  版式已从版本 2 升级到 ${LAYOUT_VERSION}。`,
      err: "",
    });
    expect(LAYOUT_VERSION).toBe(4);
    expect(await exported(dir, V2)).toEqual(sample);
    expect(await exported(dir, out)).toEqual(sample);
    const verified = await runCli(["verify", out, "--json"]);
    expect({ code: verified.code, report: JSON.parse(verified.out) }).toEqual({
      code: 0,
      report: { clean: true, findings: [], review: { state: "draft" } },
    });

    expect(await countFormulas(out)).toEqual({
      deductions: "SUM(I5:I24)",
      itemsScored: expect.stringMatching(/^COUNTIFS\(/),
    });
  });
});
