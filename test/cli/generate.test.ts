import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { toNumber } from "../../src/core/exact";
import { scoreAssessment } from "../../src/core/score";
import { RESULT_NAMES } from "../../src/workbook/names";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The cell a workbook-scope name points at, e.g. Result_FinalScore → '汇总'!$C$29. */
function namedCell(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const [ref] = workbook.definedNames.getRanges(name).ranges;
  const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref!)!;
  return workbook.getWorksheet(match[1]!.replace(/''/g, "'"))!.getCell(`${match[2]}${match[3]}`);
}

describe("starscore generate", () => {
  it("--report-sheet adds the Report sheet (报告), which verify accepts; without it there is none", async () => {
    const dir = tempDir();
    const out = path.join(dir, "with-report.xlsx");
    expect((await runCli(["generate", "--from", SAMPLE_FILE, "--report-sheet", "-o", out])).code).toBe(0);
    const workbook = await loadWorkbook(out);
    const report = workbook.getWorksheet("报告")!;
    expect(report.getCell("A1").value).toBe("商品售后服务认证审查报告");
    expect(report.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1 });
    expect(await runCli(["verify", out])).toMatchObject({ code: 0 });
    const plain = path.join(dir, "plain.xlsx");
    await runCli(["generate", "--from", SAMPLE_FILE, "-o", plain]);
    expect((await loadWorkbook(plain)).getWorksheet("报告")).toBeUndefined();
  });

  it("lays out an assessment file; scoring the .xlsx gives the same result as scoring the .json", async () => {
    const dir = tempDir();
    const out = path.join(dir, "sample.xlsx");
    const generated = await runCli(["generate", "--from", SAMPLE_FILE, "-o", out]);
    expect(generated).toEqual({
      code: 0,
      out: `已生成 ${out}：3 个评价人列；最终得分 87.46（三星级）。`,
      err: "",
    });
    const fromJson = await runCli(["score", SAMPLE_FILE, "--json"]);
    const fromXlsx = await runCli(["score", out, "--json"]);
    expect(fromXlsx.code).toBe(0);
    expect(JSON.parse(fromXlsx.out)).toEqual(JSON.parse(fromJson.out));
    expect(JSON.parse(fromXlsx.out)).toMatchObject({ finalScore: 87.46, grade: "three-star" });
    // Content decides, not the name: JSON named .xlsx is still JSON.
    const disguised = path.join(dir, "assessment.xlsx");
    writeFileSync(disguised, readFileSync(SAMPLE_FILE));
    expect(JSON.parse((await runCli(["score", disguised, "--json"])).out)).toEqual(JSON.parse(fromJson.out));
    rmSync(disguised);
    // The readable report reads the workbook too.
    expect((await runCli(["score", out, "--lang", "en"])).out).toContain("Final score: 87.46");
    // Nothing but the workbook is left in the directory (the temporary file was renamed).
    expect(readdirSync(dir)).toEqual(["sample.xlsx"]);
  });

  it("writes the engine's results as cached values, and asks Excel to recalculate on open", async () => {
    const out = path.join(tempDir(), "cached.xlsx");
    expect((await runCli(["generate", "--from", SAMPLE_FILE, "-o", out, "--lang", "en"])).code).toBe(0);
    const workbook = await loadWorkbook(out);
    const { result } = scoreAssessment(SAMPLE);
    const final = namedCell(workbook, RESULT_NAMES.finalScore).value as ExcelJS.CellFormulaValue;
    expect(final.formula).toMatch(/^ROUND\(/);
    expect(final.result).toBe(toNumber(result.finalScore));
    expect(final.result).toBe(87.46);
    expect((namedCell(workbook, RESULT_NAMES.grade).value as ExcelJS.CellFormulaValue).result).toBe(
      "Three-star",
    );
    expect((namedCell(workbook, RESULT_NAMES.passed).value as ExcelJS.CellFormulaValue).result).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  it("makes a blank workbook with --evaluators 3 --visits 2, named in the workbook's language", async () => {
    const dir = tempDir();
    const zh = path.join(dir, "blank-zh.xlsx");
    const run = await runCli([
      "generate",
      "--evaluators",
      "3",
      "--visits",
      "2",
      "--organization",
      "某某公司",
      "-o",
      zh,
    ]);
    expect(run).toMatchObject({ code: 0, out: `已生成 ${zh}：5 个评价人列。` });
    const read = await readXlsx(readFileSync(zh), "zh");
    expect(read.ok && read.assessment).toMatchObject({
      organization: "某某公司",
      type: "initial",
      step: 5,
      evaluators: [
        { name: "审核员 1", kind: "auditor" },
        { name: "审核员 2", kind: "auditor" },
        { name: "审核员 3", kind: "auditor" },
        { name: "暗访 1", kind: "visit" },
        { name: "暗访 2", kind: "visit" },
      ],
    });
    expect(
      read.ok &&
        Object.values(read.assessment.scores)
          .flat()
          .every((v) => v === null),
    ).toBe(true);

    const en = path.join(dir, "blank-en.xlsx");
    expect((await runCli(["generate", "--visits", "2", "--lang", "en", "-o", en])).code).toBe(0);
    const readEn = await readXlsx(readFileSync(en), "en");
    expect(readEn.ok && readEn.lang).toBe("en");
    expect(readEn.ok && readEn.assessment.evaluators).toEqual([
      { name: "Visit 1", kind: "visit" },
      { name: "Visit 2", kind: "visit" },
    ]);
    // A blank workbook scores as incomplete (exit 1), not as an error in the file.
    expect((await runCli(["score", en])).code).toBe(1);

    const one = path.join(dir, "one.xlsx");
    expect((await runCli(["generate", "-o", one])).code).toBe(0);
    const readOne = await readXlsx(readFileSync(one), "zh");
    expect(readOne.ok && readOne.assessment.evaluators).toEqual([{ name: "审核员 1", kind: "auditor" }]);
  });

  it("keeps 1–200 evaluator columns and refuses other counts with a message", async () => {
    const out = path.join(tempDir(), "x.xlsx");
    for (const args of [
      ["--evaluators", "0"],
      ["--evaluators", "150", "--visits", "51"],
      ["--evaluators", "two"],
      ["--visits", "-1"],
    ]) {
      const run = await runCli(["generate", ...args, "-o", out, "--lang", "en"]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/evaluator columns|whole number/);
      expect(existsSync(out)).toBe(false);
    }
    const mixed = await runCli(["generate", "--from", SAMPLE_FILE, "--visits", "2", "-o", out]);
    expect(mixed).toMatchObject({ code: 2, err: expect.stringContaining("不能与 --from 同时使用") });
  });

  it("never overwrites an existing file or its input without --force, and writes nothing half-done", async () => {
    const dir = tempDir();
    const out = path.join(dir, "taken.xlsx");
    writeFileSync(out, "keep me");
    const refused = await runCli(["generate", "--from", SAMPLE_FILE, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`文件 ${out} 已存在：不会覆盖它。请另选输出文件名，或加 --force 覆盖。`);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await runCli(["generate", "--from", SAMPLE_FILE, "-o", out, "--force"])).code).toBe(0);
    expect((await readXlsx(readFileSync(out), "zh")).ok).toBe(true);
    expect(readdirSync(dir)).toEqual(["taken.xlsx"]);

    // --from a workbook, writing over the same workbook.
    const self = await runCli(["generate", "--from", out, "-o", out, "--lang", "en"]);
    expect(self.code).toBe(2);
    expect(self.err).toContain("is the input file");

    const missingDir = await runCli(["generate", "-o", path.join(dir, "no/such/dir.xlsx"), "--lang", "en"]);
    expect(missingDir).toMatchObject({ code: 2, err: expect.stringContaining("Cannot write the file") });
    expect(missingDir.err).not.toMatch(STACK_TRACE);
  });

  it("--from an invalid file or a missing option exits 2", async () => {
    const dir = tempDir();
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "{");
    const run = await runCli(["generate", "--from", bad, "-o", path.join(dir, "o.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("不是有效的评估文件");
    expect(run.err).not.toMatch(STACK_TRACE);
    expect((await runCli(["generate"])).code).toBe(2);
  });

  it("has --help", async () => {
    const help = await runCli(["generate", "--help"]);
    expect(help.code).toBe(0);
    for (const option of [
      "--from",
      "--evaluators",
      "--visits",
      "--lang",
      "--organization",
      "--output",
      "--force",
    ]) {
      expect(help.out).toContain(option);
    }
    expect((await runCli(["--help"])).out).toMatch(/generate[\s\S]*export/);
  });
});
