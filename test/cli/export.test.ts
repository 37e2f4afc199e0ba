import ExcelJS from "exceljs";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expectNoOverwrite, generated, runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";
import { typeEntry } from "../helpers/workbook-file";

describe("starscore export", () => {
  it("gives back the assessment a workbook was generated from, byte for byte", async () => {
    const dir = tempDir();
    for (const lang of ["zh", "en"] as const) {
      const workbook = await generated(dir, lang);
      const json = path.join(dir, `exported-${lang}.json`);
      const run = await runCli(["export", workbook, "-o", json, "--lang", lang]);
      expect(run.code).toBe(0);
      expect(run.out).toBe(
        lang === "zh" ? `已导出 ${json}：3 个评价人列。` : `Wrote ${json}: 3 evaluator columns.`,
      );
      expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(SAMPLE);
      // Same layout as the shipped file: entries on one line per item.
      expect(readFileSync(json, "utf8")).toBe(readFileSync(SAMPLE_FILE, "utf8"));
    }
    // Round trip: export → generate → export.
    const again = path.join(dir, "again.xlsx");
    expect((await runCli(["generate", "--from", path.join(dir, "exported-zh.json"), "-o", again])).code).toBe(
      0,
    );
    expect((await runCli(["export", again, "-o", path.join(dir, "again.json")])).code).toBe(0);
    expect(readFileSync(path.join(dir, "again.json"), "utf8")).toBe(readFileSync(SAMPLE_FILE, "utf8"));
  });

  it("exports what was typed into the workbook", async () => {
    const dir = tempDir();
    const file = await generated(dir);
    await typeEntry(file, "A18", 55);
    const json = path.join(dir, "typed.json");
    expect((await runCli(["export", file, "-o", json])).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).scores.A18).toEqual([55, 90, null]);
  });

  it("an entry cell that is not a number: score reports it with its cell and exits 1; export refuses it (exit 2)", async () => {
    const dir = tempDir();
    const file = await generated(dir, "en");
    const row = await typeEntry(file, "A18", "８０");

    const scored = await runCli(["score", file, "--json", "--lang", "en"]);
    expect(scored.code).toBe(1);
    const json = JSON.parse(scored.out);
    expect(json.issues[0]).toEqual({
      code: "entry-number-as-text",
      severity: "error",
      item: "A18",
      evaluator: "张三",
      evaluatorIndex: 0,
      field: "scores",
      cell: `Scoring!H${row}`,
      message: `Scoring!H${row} (A18, evaluator "张三"): the cell holds the text "８０", not a number. Type the number 80 instead.`,
    });
    // Scored as blank: A18 keeps its other entries (90 from 李四).
    expect(json.items.find((i: { code: string }) => i.code === "A18").entries).toBe(1);
    const text = await runCli(["score", file, "--lang", "en"]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`[error] Scoring!H${row} (A18, evaluator "张三")`);

    const exported = await runCli(["export", file, "-o", path.join(dir, "out.json"), "--lang", "en"]);
    expect(exported.code).toBe(2);
    expect(exported.err).toContain(`Scoring!H${row} (A18, evaluator "张三"): the cell holds the text "８０"`);
    expect(exported.err).not.toMatch(STACK_TRACE);
  });

  it("never overwrites an existing file or the input without --force", async () => {
    const dir = tempDir();
    const workbook = await generated(dir);
    const json = path.join(dir, "out.json");
    await expectNoOverwrite("export", workbook, json);
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(SAMPLE);
    expect(readdirSync(dir).sort()).toEqual(["out.json", "sample-zh.xlsx"]);
  });

  it("refuses a file that is not a zip, an empty file and a foreign workbook: exit 2, a message, no stack trace", async () => {
    const dir = tempDir();
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "just text");
    const empty = path.join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    const foreign = path.join(dir, "budget.xlsx");
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Budget").getCell("A1").value = "Q1";
    await other.xlsx.writeFile(foreign);
    const cases: [string, string, RegExp][] = [
      [text, "zh", /不是 \.xlsx 工作簿：文件内容不是 zip 压缩包/],
      [empty, "en", /Not an \.xlsx workbook/],
      [foreign, "en", /This is not a StarScore workbook: no sheet "Info" \(封面\)/],
      [foreign, "zh", /这不是 StarScore 工作簿/],
      [path.join(dir, "missing.xlsx"), "en", /Cannot read the file .*missing\.xlsx \(ENOENT\)/],
    ];
    for (const [file, lang, message] of cases) {
      for (const command of [
        ["export", file, "-o", path.join(dir, "o.json")],
        ["score", file],
      ]) {
        const run = await runCli([...command, "--lang", lang]);
        if (command[0] === "score" && file === text) {
          // `score` decides by content: text is read as JSON.
          expect(run.err).toContain("不是有效的评估文件");
        } else if (command[0] === "score" && file === empty) {
          expect(run.err).toBe(`The file ${empty} is empty.`);
        } else {
          expect(run.err).toMatch(message);
        }
        expect(run.code).toBe(2);
        expect(run.out).toBe("");
        expect(run.err).not.toMatch(STACK_TRACE);
      }
    }
    expect(readdirSync(dir).sort()).toEqual(["budget.xlsx", "empty.xlsx", "notes.txt"]);
  });

  it("has --help, and -o is required", async () => {
    const help = await runCli(["export", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("--output");
    expect(help.out).toContain("--force");
    const score = await runCli(["score", "--help"]);
    expect(score.out).toContain(".xlsx");
    expect((await runCli(["export", SAMPLE_FILE])).code).toBe(2);
  });
});
