import ExcelJS from "exceljs";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { LAYOUT_VERSION } from "../../src/workbook/sheets/info";
import { layoutV0Workbook } from "../fixtures/layout-v0";
import { exported, expectNoOverwrite, generated, runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";
import { typeEntry } from "../helpers/workbook-file";

async function sheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((ws) => ws.name);
}

describe("starscore convert", () => {
  it("switches the language, keeping everything", async () => {
    const dir = tempDir();
    const input = await generated(dir, "zh");
    const out = path.join(dir, "en.xlsx");
    const run = await runCli(["convert", input, "-o", out, "--lang", "en"]);
    expect(run).toEqual({
      code: 0,
      out: `Wrote ${out}: 3 evaluator columns, English, layout version ${LAYOUT_VERSION}.\n  The workbook is now in English.`,
      err: "",
    });
    expect((await sheetNames(out)).slice(0, 3)).toEqual(["Info", "Scoring", "Special"]);
    expect(await exported(dir, out)).toEqual(SAMPLE);
    // Without --lang the workbook keeps its language; messages follow the locale.
    const same = path.join(dir, "same.xlsx");
    const kept = await runCli(["convert", out, "-o", same], { LANG: "zh_CN.UTF-8" });
    expect(kept.out).toBe(`已写入 ${same}：3 个评价人列，英文，版式版本 ${LAYOUT_VERSION}。`);
    expect((await sheetNames(same))[1]).toBe("Scoring");
  });

  it("adds an evaluator column (blank) and removes one (with its entries)", async () => {
    const dir = tempDir();
    const input = await generated(dir);
    const added = path.join(dir, "added.xlsx");
    const add = await runCli(["convert", input, "-o", added, "--add-evaluator", "王五", "--kind", "visit"]);
    expect(add.out).toBe(
      `已写入 ${added}：4 个评价人列，中文，版式版本 ${LAYOUT_VERSION}。\n  已添加暗访“王五”（暗访），为第 4 个评价人列。`,
    );
    expect(await exported(dir, added)).toEqual({
      ...SAMPLE,
      evaluators: [...SAMPLE.evaluators, { name: "王五", kind: "visit" }],
      scores: Object.fromEntries(Object.entries(SAMPLE.scores).map(([code, row]) => [code, [...row, null]])),
    });
    const removed = path.join(dir, "removed.xlsx");
    const remove = await runCli(["convert", input, "-o", removed, "--remove-evaluator", "2", "--lang", "en"]);
    expect(remove.out).toBe(
      `Wrote ${removed}: 2 evaluator columns, English, layout version ${LAYOUT_VERSION}.\n  Removed evaluator column 2, evaluator "李四", and its 18 entries.\n  The workbook is now in English.`,
    );
    expect(await exported(dir, removed)).toEqual({
      ...SAMPLE,
      evaluators: SAMPLE.evaluators.filter((_, k) => k !== 1),
      scores: Object.fromEntries(
        Object.entries(SAMPLE.scores).map(([code, row]) => [code, row.filter((_, k) => k !== 1)]),
      ),
    });
    // Both at once: the removal counts columns as they are in the input, then the addition.
    const both = path.join(dir, "both.xlsx");
    expect(
      (await runCli(["convert", input, "-o", both, "--remove-evaluator", "1", "--add-evaluator", "赵六"]))
        .code,
    ).toBe(0);
    expect((await exported(dir, both)).evaluators.map((e) => e.name)).toEqual(["李四", "暗访 1", "赵六"]);
  });

  it("upgrades a layout version 0 workbook to the current layout", async () => {
    const dir = tempDir();
    const v0 = path.join(dir, "v0.xlsx");
    writeFileSync(v0, await layoutV0Workbook(SAMPLE, "zh"));
    const out = path.join(dir, "upgraded.xlsx");
    const run = await runCli(["convert", v0, "-o", out, "--lang", "en"]);
    expect(run.out).toBe(
      `Wrote ${out}: 3 evaluator columns, English, layout version ${LAYOUT_VERSION}.\n  The workbook is now in English.\n  Layout upgraded from version 0 to ${LAYOUT_VERSION}.`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const info = workbook.getWorksheet(SHEET_NAMES.info.en)!;
    const row = info.getColumn(1).values.findIndex((v) => v === "Layout version");
    expect(info.getCell(row, 2).value).toBe(LAYOUT_VERSION);
    expect(await exported(dir, out)).toEqual(SAMPLE);
    expect(await exported(dir, v0)).toEqual(SAMPLE);
  });

  it("never overwrites without --force, nor the input; writes whole files or nothing", async () => {
    const dir = tempDir();
    const input = await generated(dir);
    const out = path.join(dir, "out.xlsx");
    await expectNoOverwrite("convert", input, out);
    expect(await exported(dir, out)).toEqual(SAMPLE);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses bad options and unreadable inputs: exit 2, a message in the user's language, no stack trace", async () => {
    const dir = tempDir();
    const input = await generated(dir);
    const out = path.join(dir, "o.xlsx");
    const cases: [string[], string][] = [
      [
        ["--remove-evaluator", "4", "--lang", "en"],
        "There is no evaluator column 4: the workbook has 3 (1–3).",
      ],
      [
        ["--remove-evaluator", "0", "--lang", "zh"],
        "--remove-evaluator 须为评价人列的序号（从 1 起），而不是“0”。",
      ],
      [
        ["--remove-evaluator", "two", "--lang", "en"],
        '--remove-evaluator takes an evaluator column\'s number (from 1), not "two".',
      ],
      [["--kind", "visit", "--lang", "en"], "--kind goes with --add-evaluator."],
      [["--add-evaluator", " ", "--lang", "zh"], "新评价人须有姓名或名称。"],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(["convert", input, "-o", out, ...args]);
      expect({ args, code: run.code, err: run.err }).toEqual({ args, code: 2, err: message });
    }
    expect((await runCli(["convert", input, "-o", out, "--kind", "boss", "--add-evaluator", "x"])).code).toBe(
      2,
    );

    const json = await runCli(["convert", SAMPLE_FILE, "-o", out, "--lang", "en"]);
    expect(json.code).toBe(2);
    expect(json.err).toBe(
      `${SAMPLE_FILE} is an assessment file (JSON), not a workbook: use starscore generate --from ${SAMPLE_FILE} to make one.`,
    );
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "hello");
    const notZip = await runCli(["convert", text, "-o", out, "--lang", "zh"]);
    expect(notZip).toEqual({
      code: 2,
      out: "",
      err: `无法从 ${text} 读取评估：\n  不是 .xlsx 工作簿：文件内容不是 zip 压缩包。`,
    });
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", "sample-zh.xlsx"]);
  });

  it("refuses a workbook with a cell it could not carry over, naming the cell", async () => {
    const dir = tempDir();
    const input = await generated(dir, "en");
    const row = await typeEntry(input, "A18", "八十", (workbook) => {
      workbook.addWorksheet("My notes").getCell("A1").value = "keep";
    });
    const run = await runCli(["convert", input, "-o", path.join(dir, "o.xlsx"), "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `Cannot convert ${input}: these cells are not numbers and would be lost. Fix them first:\n  Scoring!H${row} (A18, evaluator "张三"): the cell holds the text "八十". Type a percentage from 0 to 100 (e.g. 80), or leave it blank.`,
    );
    expect(run.err).not.toMatch(STACK_TRACE);
    // Fixed: converted, with a note about the sheet that is not StarScore's.
    await typeEntry(input, "A18", 80);
    const fixed = await runCli(["convert", input, "-o", path.join(dir, "o.xlsx"), "--lang", "en"]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain(`  Note: the sheet "My notes" is not StarScore's and was not carried over.`);
  });

  it("has --help", async () => {
    const help = await runCli(["convert", "--help"]);
    expect(help.code).toBe(0);
    for (const option of [
      "--output",
      "--lang",
      "--add-evaluator",
      "--kind",
      "--remove-evaluator",
      "--force",
    ]) {
      expect(help.out).toContain(option);
    }
    expect((await runCli(["convert", SAMPLE_FILE])).code).toBe(2);
  });
});
