/**
 * A real layout-3 workbook, as StarScore wrote it before layout 4: test/fixtures/layout-v3-sample-zh.xlsx
 * was written by `starscore generate --from examples/sample-assessment.json --lang zh` at commit
 * 5a83999 (layout 3: no highlight store, no sort note; the pane lifted protection to highlight).
 * `verify` says it is an older layout to convert, not that it was edited; `convert` upgrades it to
 * the current layout with every input carried over, the highlight store and the sort note added.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { MARKS } from "../../src/workbook/highlight-marks";
import { SHEET_NAMES, TEXT } from "../../src/workbook/labels";
import { INFO_ROWS, LAYOUT_VERSION } from "../../src/workbook/sheets/info";
import { exported, runCli, tempDir } from "../helpers/run-cli";

const ROOT = path.resolve(__dirname, "../..");
const V3 = path.join(ROOT, "test/fixtures/layout-v3-sample-zh.xlsx");
const sample: Assessment = JSON.parse(
  readFileSync(path.join(ROOT, "examples/sample-assessment.json"), "utf8"),
);

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** What layout 4 added: the store's name and label, the Scoring sheet's sort note. */
async function paneParts(file: string): Promise<{ store: boolean; label: unknown; note: unknown }> {
  const workbook = await load(file);
  return {
    store: workbook.definedNames.getRanges(MARKS.name).ranges.length > 0,
    label: workbook.getWorksheet(SHEET_NAMES.rules.zh)!.getCell(`${MARKS.column}${MARKS.labelRow}`).value,
    note: workbook.getWorksheet(SHEET_NAMES.scoring.zh)!.getCell("A3").value,
  };
}

describe("a layout-3 workbook", () => {
  it("is the layout-3 file it claims to be: version 3, no highlight store, no sort note", async () => {
    const workbook = await load(V3);
    expect(workbook.getWorksheet(SHEET_NAMES.info.zh)!.getCell(`B${INFO_ROWS.layoutVersion}`).value).toBe(3);
    expect(await paneParts(V3)).toEqual({ store: false, label: null, note: null });
  });

  it("verify: an older layout to convert, not edited (exit 1, one finding)", async () => {
    const run = await runCli(["verify", V3, "--json", "--lang", "en"]);
    const report = JSON.parse(run.out) as {
      clean: boolean;
      findings: { cell: string; code: string; message: string }[];
    };
    expect({ code: run.code, err: run.err, clean: report.clean }).toEqual({ code: 1, err: "", clean: false });
    expect(report.findings.map((f) => [f.code, f.cell])).toEqual([
      ["layout-older", `${SHEET_NAMES.info.zh}!B${INFO_ROWS.layoutVersion}`],
    ]);
    expect(report.findings[0]!.message).toContain(`layout version 3`);
    expect(report.findings[0]!.message).toContain("starscore convert");
  });

  it("convert: upgraded to layout 4, every input carried, the store and the note added, and verify then finds nothing", async () => {
    const dir = tempDir();
    const out = path.join(dir, "upgraded.xlsx");
    const run = await runCli(["convert", V3, "-o", out]);
    expect(LAYOUT_VERSION).toBe(4);
    expect(run).toEqual({
      code: 0,
      out: `已写入 ${out}：3 个评价人列，中文，版式版本 4。\n  版式已从版本 3 升级到 4。`,
      err: "",
    });
    expect(await exported(dir, V3)).toEqual(sample);
    expect(await exported(dir, out)).toEqual(sample);
    expect(await paneParts(out)).toEqual({ store: true, label: MARKS.label, note: TEXT.sortNote.zh });
    const verified = await runCli(["verify", out, "--json"]);
    expect({ code: verified.code, report: JSON.parse(verified.out) }).toEqual({
      code: 0,
      report: { clean: true, findings: [], review: { state: "draft" } },
    });
  });
});
