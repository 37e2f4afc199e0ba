import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cellRef } from "../../src/workbook/address";
import { scoringColumns } from "../../src/workbook/scoring-grid";
import { resultRow } from "../../src/workbook/sheets/summary";
import { edited, rowOf, sortScoring } from "../workbook/integrity/helpers";
import { runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";

const c = scoringColumns(SAMPLE.evaluators.length);
const FINAL = `C${resultRow("finalScore")}`;
const GRADE = `C${resultRow("grade")}`;

let dir: string;
let workbook: string;
let original: Buffer;

beforeAll(async () => {
  dir = tempDir();
  workbook = path.join(dir, "sample.xlsx");
  expect((await runCli(["generate", "--from", SAMPLE_FILE, "-o", workbook])).code).toBe(0);
  original = readFileSync(workbook);
});

/** The generated workbook after `edit` (ExcelJS), saved under `name`. */
async function variant(name: string, edit: Parameters<typeof edited>[1]): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await edited(original, edit));
  return file;
}

const json = async (file: string, lang = "zh") => {
  const run = await runCli(["verify", file, "--json", "--lang", lang]);
  return {
    code: run.code,
    err: run.err,
    ...(JSON.parse(run.out) as {
      clean: boolean;
      findings: { cell: string; code: string; message: string }[];
    }),
  };
};

describe("starscore verify", () => {
  it("a workbook as `starscore generate` wrote it: nothing found, exit 0", async () => {
    const run = await runCli(["verify", workbook]);
    expect(run).toEqual({
      code: 0,
      out: `${workbook}：未发现问题。公式、目录、规则、名称与指纹均与 StarScore 生成的一致，汇总与引擎的计算一致。\n状态：草稿（未定稿）`,
      err: "",
    });
    expect(await json(workbook)).toEqual({
      code: 0,
      err: "",
      clean: true,
      findings: [],
      review: { state: "draft" },
    });
    expect((await runCli(["verify", workbook, "--lang", "en"])).out).toContain("nothing found");
  });

  it("the Summary's final score formula edited by hand: that exact cell, exit 1", async () => {
    const file = await variant("final.xlsx", (_, sheet) => {
      sheet("summary").getCell(FINAL).value = { formula: "C26+1", result: 88.46 };
    });
    const run = await runCli(["verify", file, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(`${file}: 1 finding: the workbook is not as StarScore wrote it.`);
    expect(run.out).toMatch(
      new RegExp(
        `\\n汇总!${FINAL} +formula-changed +汇总!${FINAL} \\(Result_FinalScore\\): the formula was changed to =C26\\+1; it should be =ROUND\\(ROUND\\(MAX\\(0,MIN\\(Rule_Total,`,
      ),
    );
    const result = await json(file);
    expect(result.code).toBe(1);
    expect(result.clean).toBe(false);
    expect(result.findings).toEqual([
      {
        cell: `汇总!${FINAL}`,
        code: "formula-changed",
        message: expect.stringContaining("（Result_FinalScore）：公式被改为 =C26+1"),
      },
    ]);
  });

  it("an item's score formula edited: that cell", async () => {
    const ref = cellRef(c.score, rowOf("B6"));
    const file = await variant("item.xlsx", (_, sheet) => {
      sheet("scoring").getCell(ref).value = { formula: `$D${rowOf("B6")}`, result: 1.5 };
    });
    const result = await json(file);
    expect([result.code, result.findings.map((f) => [f.cell, f.code])]).toEqual([
      1,
      [[`评分!${ref}`, "formula-changed"]],
    ]);
  });

  it("B3's points changed: that cell", async () => {
    const ref = cellRef(c.points, rowOf("B3"));
    const file = await variant("points.xlsx", (_, sheet) => (sheet("scoring").getCell(ref).value = 5));
    const result = await json(file, "en");
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([
      {
        cell: `评分!${ref}`,
        code: "catalogue-changed",
        message: `评分!${ref} (B3 分值): the catalogue was changed: it holds "5", it should be "1".`,
      },
    ]);
  });

  it("Result_Grade deleted: the name, at the cell it should name", async () => {
    const file = await variant("name.xlsx", (wb) =>
      wb.definedNames.remove(`'汇总'!$C$${GRADE.slice(1)}`, "Result_Grade"),
    );
    const result = await json(file);
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([
      {
        cell: `汇总!${GRADE}`,
        code: "name-missing",
        message: `名称 Result_Grade 缺失；它应指向 汇总!${GRADE}。`,
      },
    ]);
  });

  it("the Scoring sheet sorted (rows reversed, formulas moved with them as Excel's sort does): nothing found", async () => {
    const file = await variant("sorted.xlsx", (_, sheet) =>
      sortScoring(sheet("scoring"), SAMPLE.evaluators.length),
    );
    expect(await json(file)).toMatchObject({ code: 0, clean: true, findings: [] });
  });

  it("files it cannot read as a StarScore workbook: a message, exit 2", async () => {
    const text = path.join(dir, "notes.xlsx");
    writeFileSync(text, "not a workbook");
    const empty = path.join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    const foreign = path.join(dir, "foreign.xlsx");
    writeFileSync(
      foreign,
      await edited(original, (wb, sheet) => {
        wb.removeWorksheet(sheet("info").id);
      }),
    );
    const newer = await variant("newer.xlsx", (_, sheet) => (sheet("info").getCell("B11").value = 99));
    const cases: [string, RegExp][] = [
      [path.join(dir, "missing.xlsx"), /^Cannot read the file .*missing\.xlsx \(ENOENT\)\./],
      [empty, /^The file .*empty\.xlsx is empty\./],
      [text, /^Cannot read the workbook .*notes\.xlsx:\n {2}\S/],
      [foreign, /^Cannot read the workbook .*foreign\.xlsx:\n {2}.*"Info"/],
      [newer, /^Cannot read the workbook .*newer\.xlsx:\n {2}.*99/],
    ];
    for (const [file, message] of cases) {
      const run = await runCli(["verify", file, "--lang", "en"]);
      expect([file, run.code, run.out]).toEqual([file, 2, ""]);
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(STACK_TRACE);
    }
    expect(existsSync(workbook)).toBe(true);
  });

  it("is listed in the help", async () => {
    const run = await runCli(["--help"]);
    expect(run.out).toMatch(/verify \[options\] <workbook>/);
  });
});
