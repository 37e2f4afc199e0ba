import ExcelJS from "exceljs";
import path from "node:path";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { INFO_ROWS, LAYOUT_VERSION } from "../../src/workbook/sheets/info";
import { exported, runCli, tempDir } from "./run-cli";
import { SAMPLE } from "./sample";

export const FIXTURES = path.resolve(__dirname, "../fixtures");

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/**
 * What every older layout's fixture (the sample, written in Chinese by StarScore at that layout)
 * must show: it is the file it claims to be (its Info version, and `claims` for what its layout
 * lacked); `verify` reports one "layout-older" finding pointing to `convert`, not an edit; `convert`
 * upgrades it to the current layout with every input carried over (`upgraded` for what the new
 * layout added), and `verify` then finds nothing.
 */
export function describeOlderLayout(
  version: number,
  fixture: string,
  checks: { claims: (file: string) => Promise<void>; upgraded: (file: string) => Promise<void> },
): void {
  const file = path.join(FIXTURES, fixture);

  describe(`a layout-${version} workbook`, () => {
    // Each test reads a whole workbook with ExcelJS or runs the CLI two or three times.
    jest.setTimeout(30_000);

    it(`is the layout-${version} file it claims to be`, async () => {
      const workbook = await loadWorkbook(file);
      expect(workbook.getWorksheet(SHEET_NAMES.info.zh)!.getCell(`B${INFO_ROWS.layoutVersion}`).value).toBe(
        version,
      );
      await checks.claims(file);
    });

    it("verify: an older layout to convert, not edited (exit 1, one finding)", async () => {
      const run = await runCli(["verify", file, "--json", "--lang", "en"]);
      const report = JSON.parse(run.out) as {
        clean: boolean;
        findings: { cell: string; code: string; message: string }[];
      };
      expect({ code: run.code, err: run.err, clean: report.clean }).toEqual({
        code: 1,
        err: "",
        clean: false,
      });
      expect(report.findings.map((f) => [f.code, f.cell])).toEqual([
        ["layout-older", `${SHEET_NAMES.info.zh}!B${INFO_ROWS.layoutVersion}`],
      ]);
      expect(report.findings[0]!.message).toContain(`layout version ${version}`);
      expect(report.findings[0]!.message).toContain("this does not mean it was tampered with");
      expect(report.findings[0]!.message).toContain("starscore convert");
      const zh = await runCli(["verify", file, "--lang", "zh"]);
      expect(zh.out).toContain("starscore convert");
      expect(zh.out).not.toMatch(/公式.*被修改/);
    });

    it("convert: upgraded to the current layout, every input carried, and verify then finds nothing", async () => {
      const dir = tempDir();
      const out = path.join(dir, "upgraded.xlsx");
      const run = await runCli(["convert", file, "-o", out]);
      expect(run).toEqual({
        code: 0,
        out: `已写入 ${out}：3 个评价人列，中文，版式版本 ${LAYOUT_VERSION}。\n  版式已从版本 ${version} 升级到 ${LAYOUT_VERSION}。`,
        err: "",
      });
      expect(await exported(dir, file)).toEqual(SAMPLE);
      expect(await exported(dir, out)).toEqual(SAMPLE);
      await checks.upgraded(out);
      const verified = await runCli(["verify", out, "--json"]);
      expect({ code: verified.code, report: JSON.parse(verified.out) }).toEqual({
        code: 0,
        report: { clean: true, findings: [], review: { state: "draft" } },
      });
    });
  });
}
