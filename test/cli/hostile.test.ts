import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";
import { typeEntry } from "../helpers/workbook-file";

/**
 * The CLI on hostile inputs: a file it cannot read as an assessment exits 2 with a message in the
 * user's language (never a stack trace, nothing on stdout); an assessment it can read but whose
 * content breaks the scoring rules exits 1 with the issues.
 */

async function workbook(
  dir: string,
  lang: "zh" | "en",
  edit?: (zip: JSZip) => Promise<void>,
): Promise<string> {
  const file = path.join(dir, `wb-${lang}-${Math.random().toString(36).slice(2)}.xlsx`);
  expect((await runCli(["generate", "--from", SAMPLE_FILE, "-o", file, "--lang", lang])).code).toBe(0);
  if (edit) {
    const zip = await JSZip.loadAsync(readFileSync(file));
    await edit(zip);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }
  return file;
}

const xml = (zip: JSZip, part: string, change: (text: string) => string) =>
  zip
    .file(part)!
    .async("string")
    .then((text) => void zip.file(part, change(text)));

async function unreadable(file: string, lang: "zh" | "en"): Promise<string> {
  const dir = tempDir();
  const errs: string[] = [];
  for (const command of [
    ["score", file],
    ["export", file, "-o", path.join(dir, "o.json")],
    ["convert", file, "-o", path.join(dir, "o.xlsx")],
  ]) {
    const run = await runCli([...command, "--lang", lang]);
    expect({ command: command[0], code: run.code, out: run.out }).toEqual({
      command: command[0],
      code: 2,
      out: "",
    });
    expect(run.err).not.toMatch(STACK_TRACE);
    errs.push(run.err);
  }
  // Every command says the same about the file.
  expect(new Set(errs.map((e) => e.split("\n").slice(1).join("\n"))).size).toBe(1);
  return errs[1]!;
}

describe("hostile workbooks through the CLI: exit 2 with the reader's message", () => {
  it("renamed, merged over inputs, content beyond the read area", async () => {
    const dir = tempDir();
    const renamed = await workbook(dir, "en", (zip) =>
      xml(zip, "xl/workbook.xml", (t) => t.replace('name="Scoring"', 'name="Scores (old)"')),
    );
    expect(await unreadable(renamed, "zh")).toBe(
      `无法从 ${renamed} 读取评估：\n  缺少工作表“Scoring”：工作表“Scores (old)”看起来就是它。请把“Scores (old)”重命名为“Scoring”。`,
    );
    const merged = await workbook(dir, "zh", (zip) =>
      xml(zip, "xl/worksheets/sheet2.xml", (t) =>
        t.replace('<mergeCell ref="A1:G1"/>', '<mergeCell ref="A1:G1"/><mergeCell ref="H9:J9"/>'),
      ),
    );
    expect(await unreadable(merged, "en")).toBe(
      `Cannot read an assessment from ${merged}:\n  评分!H9:J9 is a merged range over the input cells I9, J9: a merge keeps only its top-left cell's value and the others would be lost. Unmerge it (Home ▸ Merge & Center ▸ Unmerge Cells).`,
    );
    const far = await workbook(dir, "en", (zip) =>
      xml(zip, "xl/worksheets/sheet3.xml", (t) =>
        t.replace(
          "</sheetData>",
          '<row r="500000"><c r="C500000" t="inlineStr"><is><t>one more deduction</t></is></c></row></sheetData>',
        ),
      ),
    );
    expect(await unreadable(far, "en")).toBe(
      `Cannot read an assessment from ${far}:\n  Special!C500000: this cell has content beyond what StarScore reads (rows 1–20,000, columns A–AMJ), so it would be ignored. Delete it or move it within that range.`,
    );
  });

  it("a 50 MB file and a zip bomb", async () => {
    const dir = tempDir();
    const big = await workbook(dir, "zh", async (zip) => {
      zip.file("xl/media/image1.png", Buffer.alloc(50 * 2 ** 20, 1), { compression: "STORE" });
    });
    expect(await unreadable(big, "en")).toMatch(
      /^The file .* is too large \(50\.\d MB\): StarScore reads files up to 20 MB\.$/,
    );
    const bomb = await workbook(dir, "zh", async (zip) => {
      zip.file("xl/media/image1.png", Buffer.alloc(30 * 2 ** 20, 0), { compression: "DEFLATE" });
    });
    expect(await unreadable(bomb, "zh")).toMatch(
      /^无法从 .* 读取评估：\n {2}无法读取工作簿：部件 xl\/media\/image1\.png 解压后是压缩大小的 [\d,]+ 倍（上限 100 倍）。这是恶意构造的压缩包（zip 炸弹）或已损坏的文件。$/,
    );
  });

  it("a zip bomb is refused by verify, report and merge too, before ExcelJS unzips it", async () => {
    const dir = tempDir();
    const bomb = await workbook(dir, "en", async (zip) => {
      zip.file("xl/media/image1.png", Buffer.alloc(30 * 2 ** 20, 0), { compression: "DEFLATE" });
    });
    const good = await workbook(dir, "en");
    for (const command of [
      ["verify", bomb],
      ["report", bomb, "-o", path.join(dir, "r.docx")],
      ["merge", good, bomb, "-o", path.join(dir, "m.xlsx")],
    ]) {
      const run = await runCli([...command, "--lang", "en"]);
      expect({ command: command[0], code: run.code }).toEqual({ command: command[0], code: 2 });
      expect(run.err).toMatch(/the part xl\/media\/image1\.png unzips to [\d,]+ times its compressed size/);
      expect(run.err).not.toMatch(STACK_TRACE);
    }
  });

  it("an entry that is not a number is a finding: score exits 1", async () => {
    const dir = tempDir();
    const file = await workbook(dir, "zh");
    await typeEntry(file, "B2", 82);
    const run = await runCli(["score", file, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toContain(
      '[error] B2: evaluator "张三" entered 82, which is not a multiple of the step 5.',
    );
  });
});

describe("hostile assessment files (JSON) through the CLI", () => {
  function file(content: unknown): string {
    const f = path.join(tempDir(), "a.json");
    writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content));
    return f;
  }

  it("schema errors name their JSON path, in zh and en: exit 2", async () => {
    const bad = file({
      ...SAMPLE,
      step: 7,
      evaluators: [{ name: 3, kind: "boss" }],
      scores: { B1: ["80"] },
      extra: 1,
    });
    const zh = await runCli(["score", bad, "--lang", "zh"]);
    const en = await runCli(["score", bad, "--lang", "en"]);
    for (const run of [zh, en]) {
      expect(run.code).toBe(2);
      expect(run.out).toBe("");
      expect(run.err).not.toMatch(STACK_TRACE);
    }
    const paths = (err: string) =>
      err
        .split("\n")
        .slice(1)
        .map((line) => line.trim().split(":")[0]);
    expect(paths(zh.err)).toEqual(paths(en.err));
    expect(paths(en.err)).toEqual(
      expect.arrayContaining([
        "$",
        "$.step",
        "$.evaluators[0].name",
        "$.evaluators[0].kind",
        "$.scores.B1[0]",
      ]),
    );
    expect(zh.err.split("\n")[0]).toBe(`${bad} 不是有效的评估文件：`);
    expect(en.err.split("\n")[0]).toBe(`${bad} is not a valid assessment file:`);
    // zod's own words, localised: Chinese in zh, English in en.
    expect(zh.err).toMatch(/\$\.evaluators\[0\]\.name: .*[\u4e00-\u9fa5]/);
    expect(en.err).toMatch(/\$\.evaluators\[0\]\.name: Invalid input: expected string, received number/);

    const broken = await runCli(["score", file('{"format": "starscore.assessment/1",'), "--lang", "en"]);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/\n {2}\$: Not valid JSON: /);
  });

  it("unknown item codes and rows of the wrong length are findings, in zh and en: exit 1", async () => {
    const a = file({
      ...SAMPLE,
      scores: { ...SAMPLE.scores, Z9: [80, null, 90], B1: [85, 95], A1: [80, 90, null, 70] },
    });
    const zh = await runCli(["score", a, "--lang", "zh"]);
    const en = await runCli(["score", a, "--lang", "en"]);
    expect([zh.code, en.code]).toEqual([1, 1]);
    expect(zh.out).toContain("[错误] “Z9”不是评价项目代码（应为 B1–B24、C1–C8、A1–A18）。");
    expect(en.out).toContain('[error] "Z9" is not an item code (expected B1–B24, C1–C8, A1–A18).');
    expect(zh.out).toContain("[错误] B1：评分有 2 个值，但评价人有 3 位。每位评价人一列，未评的填 null。");
    expect(en.out).toContain(
      "[error] B1: the scores have 2 values but there are 3 evaluators. Give one value per evaluator, null where blank.",
    );
    expect(en.out).toContain("[error] A1: the scores have 4 values but there are 3 evaluators.");
    const json = JSON.parse((await runCli(["score", a, "--json", "--lang", "en"])).out);
    expect(json.issues.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(["unknown-item", "row-length"]),
    );
  });
});
