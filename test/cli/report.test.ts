/**
 * `starscore report`: the assessment report from an assessment file or a workbook, with the built-in
 * template or the body's own; unknown tags refused (exit 2, nothing written); --tags; the PDF's
 * message when LibreOffice is missing. (The PDF itself: test/engine-proof/report-pdf.test.ts.)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { builtinTemplateParts, packDocx } from "../../src/report/builtin-template";
import { tagRows } from "../../src/report/tags";
import { NO_SOFFICE } from "../../src/cli/pdf";
import { partText } from "../helpers/report";
import { expectNoOverwrite, generated, runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";
import { finalisedWorkbook } from "../helpers/workbook-file";

let dir: string;
beforeAll(() => (dir = tempDir()));

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
function templateWith(paragraphs: string[]): string {
  const parts = builtinTemplateParts("zh");
  parts["word/document.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>` +
    paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join("") +
    `</w:body></w:document>`;
  const file = path.join(dir, `template-${paragraphs.length}-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, packDocx(parts));
  return file;
}

describe("starscore report", () => {
  it("an assessment file: the built-in report, in the language asked", async () => {
    const out = path.join(dir, "sample.docx");
    const run = await runCli(["report", SAMPLE_FILE, "-o", out, "--lang", "en"]);
    expect(run).toEqual({
      code: 0,
      out: `Wrote ${out}: 某某电器有限公司, final score 87.46, Three-star.`,
      err: "",
    });
    const body = partText(readFileSync(out));
    expect(body).toContain("After-sales service certification: assessment report");
    expect(body).toContain("Final score\n87.46");
    expect(body).toContain("Finalisation\nDraft (not finalised)");
  });

  describe("a workbook", () => {
    let workbook: string;
    beforeAll(async () => (workbook = await generated(dir, "en")));

    it("in the workbook's language", async () => {
      const out = path.join(dir, "from-workbook-en.docx");
      expect((await runCli(["report", workbook, "-o", out])).code).toBe(0);
      expect(partText(readFileSync(out))).toContain("After-sales service certification: assessment report");
    });

    it("in the language --lang says", async () => {
      const out = path.join(dir, "from-workbook-zh.docx");
      expect((await runCli(["report", workbook, "-o", out, "--lang", "zh"])).code).toBe(0);
      expect(partText(readFileSync(out))).toContain("商品售后服务认证审查报告");
    });
  });

  it("a finalised workbook: the state, who finalised it and when", async () => {
    const workbook = await finalisedWorkbook(path.join(dir, "finalised.xlsx"), SAMPLE, {
      at: "2026-11-04T17:20:00+08:00",
      by: "王组长",
    });
    const out = path.join(dir, "finalised.docx");
    expect((await runCli(["report", workbook, "-o", out])).code).toBe(0);
    expect(partText(readFileSync(out))).toContain(
      "定稿状态\n已定稿（定稿人 王组长，2026-11-04T17:20:00+08:00）",
    );
  });

  it("a body's template: filled", async () => {
    const template = templateWith([
      "{organization} {finalScore} {gradeLabel}",
      "{#passed}通过{/passed}{^passed}未通过{/passed}",
    ]);
    const out = path.join(dir, "own.docx");
    const run = await runCli(["report", SAMPLE_FILE, "-o", out, "--template", template]);
    expect(run.code).toBe(0);
    expect(partText(readFileSync(out))).toBe("某某电器有限公司 87.46 三星级\n通过");
  });

  it("unknown tags: exit 2, each named with where it is, nothing written", async () => {
    const template = templateWith([
      "{organisation}",
      "{#deductions}",
      "{description} {rectificaton}",
      "{/deductions}",
    ]);
    const out = path.join(dir, "unknown.docx");
    const run = await runCli(["report", SAMPLE_FILE, "-o", out, "--template", template, "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toBe(
      [
        `The template ${template} has 2 problems; nothing was written (starscore report --tags lists the tags):`,
        "  body, paragraph 1: “{organisation}”: Unknown tag {organisation}.",
        "  body, paragraph 3: “{description} {rectificaton}”: Unknown tag {rectificaton} (in this loop).",
      ].join("\n"),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("--tags prints every tag with its type and example", async () => {
    const run = await runCli(["report", "--tags", "--lang", "zh"]);
    expect(run.code).toBe(0);
    for (const row of tagRows("zh")) expect(run.out).toContain(row.tag);
    expect(run.out).toMatch(
      /deductions\[\]\.rectification\s+文字\s+整改要求\s+30 天内全部门店张贴并拍照留证/,
    );
  });

  it("never writes over a file or its input without --force", async () => {
    const input = path.join(dir, "input.json");
    writeFileSync(input, readFileSync(SAMPLE_FILE));
    await expectNoOverwrite("report", input, path.join(dir, "kept.docx"));
  });

  it("-o report.pdf without LibreOffice: how to get it, exit 2, nothing written", async () => {
    const out = path.join(dir, "no-soffice.pdf");
    for (const lang of ["zh", "en"] as const) {
      const run = await runCli(["report", SAMPLE_FILE, "-o", out, "--lang", lang], {
        PATH: path.join(dir, "empty"),
      });
      expect(run).toEqual({ code: 2, out: "", err: NO_SOFFICE[lang] });
    }
    expect(NO_SOFFICE.en).toContain("https://www.libreoffice.org/download/");
    expect(existsSync(out)).toBe(false);
  });

  it("user mistakes: a message, exit 2, never a stack trace", async () => {
    const cases = [
      ["report", SAMPLE_FILE, "-o", path.join(dir, "report.txt")],
      ["report", SAMPLE_FILE],
      ["report", path.join(dir, "missing.json"), "-o", path.join(dir, "m.docx")],
      ["report", SAMPLE_FILE, "-o", path.join(dir, "t.docx"), "--template", SAMPLE_FILE],
    ];
    const messages = [];
    for (const args of cases) {
      const run = await runCli([...args, "--lang", "en"]);
      expect(run.code).toBe(2);
      expect(run.err).not.toMatch(STACK_TRACE);
      messages.push(run.err.split("\n")[0]);
    }
    expect(messages).toEqual([
      `The output ${path.join(dir, "report.txt")} must end in .docx (a Word document) or .pdf.`,
      "Usage: starscore report FILE -o report.docx [--template T.docx] [--lang zh|en] [--force], or starscore report --tags.",
      `Cannot read the file ${path.join(dir, "missing.json")} (ENOENT).`,
      `The template ${SAMPLE_FILE} has 1 problem; nothing was written (starscore report --tags lists the tags):`,
    ]);
  });
});
