/**
 * @jest-environment jsdom
 *
 * A body's own template (src/report/template.ts): tags, loops and conditions filled; every unknown
 * tag refused with where it is; user text inserted as text, never as markup or tags. (jsdom for
 * its DOMParser: the filled XML must be well-formed.)
 */
import type { Assessment } from "../../src/assessment/schema";
import { scoreAssessment } from "../../src/core/score";
import { builtinTemplateParts, packDocx } from "../../src/report/builtin-template";
import { NO_WORKBOOK, reportModel } from "../../src/report/model";
import { fillTemplate } from "../../src/report/template";
import { deduction } from "../helpers/builders";
import { partText } from "../helpers/report";
import { SAMPLE } from "../helpers/sample";
import PizZip from "pizzip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A one-row table whose cells hold these texts. */
const row = (...cells: string[]) =>
  `<w:tbl><w:tblGrid>${cells.map(() => '<w:gridCol w:w="2000"/>').join("")}</w:tblGrid><w:tr>${cells
    .map((c) => `<w:tc>${p(c)}</w:tc>`)
    .join("")}</w:tr></w:tbl>`;

/** A .docx whose body is `body` (and footer `footer`): the built-in template's other parts. */
function docx(body: string[], footer = p("page")): Uint8Array {
  const parts = builtinTemplateParts("en");
  parts["word/document.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body.join(
      "",
    )}</w:body></w:document>`;
  parts["word/footer1.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="${W}">${footer}</w:ftr>`;
  return packDocx(parts);
}

const model = (assessment: Assessment = SAMPLE, lang: "zh" | "en" = "en") =>
  reportModel(assessment, scoreAssessment(assessment), NO_WORKBOOK, lang);

function filled(template: Uint8Array, assessment?: Assessment) {
  const result = fillTemplate(template, model(assessment));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
  return result.docx;
}

describe("a user's template", () => {
  it("fills tags, loops (paragraphs and table rows), conditions and inverted conditions", () => {
    const out = filled(
      docx(
        [
          p("Report for {organization}: {finalScore}, {gradeLabel}."),
          p(
            "{#passed}PASSED{/passed}{^passed}FAILED{/passed} / {#hasFailReasons}reasons{/hasFailReasons}{^hasFailReasons}no reasons{/hasFailReasons}",
          ),
          p("{#deductions}"),
          p("{number}. {description} ({organization}) → {rectification} by {deadline}"),
          p("{/deductions}"),
          row("{#indicators}{id}", "{name}", "{score}{/indicators}"),
          p("{#team}{name}: {total}; {/team}"),
        ],
        p("{organization} · {fingerprint}"),
      ),
    );
    const m = model();
    const body = partText(out);
    expect(body).toContain(`Report for 某某电器有限公司: ${m.finalScore}, Three-star.`);
    expect(body).toContain("PASSED / no reasons");
    expect(body).toContain(
      "1. 门店未按服务手册张贴三包规定 (某某电器有限公司) → 30 天内全部门店张贴并拍照留证 by 2026-12-04",
    );
    expect(body).not.toContain("{#deductions}");
    for (const i of m.indicators) expect(body).toContain(`${i.id}\n${i.name}\n${i.score}`);
    expect(body).toContain(m.team.map((e) => `${e.name}: ${e.total}; `).join(""));
    expect(partText(out, "word/footer1.xml")).toBe(`某某电器有限公司 · ${m.fingerprint}`);
  });

  it("an empty list: its paragraphs go; a failing assessment takes the other branch", () => {
    const template = docx([
      p("{#deductions}"),
      p("D {description}"),
      p("{/deductions}"),
      p("{#passed}PASSED{/passed}{^passed}FAILED{/passed}"),
    ]);
    expect(partText(filled(template, { ...SAMPLE, deductions: [] }))).toBe("PASSED");
    const failing = { ...SAMPLE, deductions: Array.from({ length: 5 }, (_, i) => deduction(i + 1)) };
    expect(partText(filled(template, failing))).toBe(
      failing.deductions.map((d) => `D ${d.description}`).join("\n") + "\nFAILED",
    );
  });
});

describe("unknown tags", () => {
  it("lists every tag the model does not have, with where it is, and fills nothing", () => {
    const result = fillTemplate(
      docx(
        [
          p("Intro"),
          p("{organisation} scored {finalScore}"),
          p("{#deductions}"),
          p("{description} {nope} {finalScore}"),
          p("{/deductions}"),
          p("{description}"),
          p("{deductions}"),
          p("{@organization}"),
        ],
        p("Footer {footerTag}"),
      ),
      model(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((x) => [x.tag, x.where.en, x.message.en])).toEqual([
      [
        "organisation",
        "body, paragraph 2: “{organisation} scored {finalScore}”",
        "Unknown tag {organisation}.",
      ],
      [
        "nope",
        "body, paragraph 4: “{description} {nope} {finalScore}”",
        "Unknown tag {nope} (in this loop).",
      ],
      ["description", "body, paragraph 6: “{description}”", "Unknown tag {description}."],
      [
        "deductions",
        "body, paragraph 7: “{deductions}”",
        "{deductions} is a list: use a loop, {#deductions}…{/deductions}.",
      ],
      [
        "@organization",
        "body, paragraph 8: “{@organization}”",
        expect.stringContaining("Raw XML tags such as {@organization} are not allowed"),
      ],
      ["footerTag", "footer 1, paragraph 1: “Footer {footerTag}”", "Unknown tag {footerTag}."],
    ]);
    expect(result.problems[0]!.where.zh).toBe("正文第 2 段：“{organisation} scored {finalScore}”");
  });

  it("a syntax error (a loop never closed) is a problem, not a crash", () => {
    const result = fillTemplate(docx([p("{#deductions}"), p("{description}")]), model());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message.en).toMatch(/^Template syntax error: .*deductions/);
  });

  it("a file that is not a .docx is a problem", () => {
    const result = fillTemplate(Buffer.from("not a zip"), model());
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          message: expect.objectContaining({ en: "The template is not a Word document (.docx)." }),
        }),
      ],
    });
  });
});

describe("hostile text", () => {
  const hostile = `<w:t>x</w:t></w:r><w:fldSimple w:instr="=1+1"/>{#x}{/x}{organization} =1+1 & "q" \u0001\u000b ${"长".repeat(10_000)}`;
  const assessment: Assessment = {
    ...SAMPLE,
    organization: `=1+1 {@organization} <b>`,
    deductions: [{ ...SAMPLE.deductions![0]!, description: hostile, rectification: "line 1\nline 2" }],
  };

  it.each(["builtin", "user"] as const)(
    "comes out as plain text and the document is well-formed XML (%s template)",
    (kind) => {
      const template =
        kind === "builtin"
          ? packDocx(builtinTemplateParts("en"))
          : docx([
              p("{organization}"),
              p("{#deductions}"),
              p("{description}|{rectification}"),
              p("{/deductions}"),
            ]);
      const out = filled(template, assessment);
      const xml = new PizZip(out).file("word/document.xml")!.asText();
      const parsed = new DOMParser().parseFromString(xml, "application/xml");
      expect(parsed.getElementsByTagName("parsererror")).toHaveLength(0);
      // No element came from the user's text: no field, no bold run.
      expect(parsed.getElementsByTagNameNS(W, "fldSimple")).toHaveLength(0);
      expect(parsed.getElementsByTagNameNS(W, "instrText")).toHaveLength(0);
      expect(xml).not.toContain("<b>");
      const text = partText(out);
      // The control characters XML cannot hold are dropped; the rest is there, character for character.
      expect(text).toContain(hostile.replace("\u0001", "").replace("\u000b", ""));
      expect(text).toContain("=1+1 {@organization} <b>");
      // A line break in the user's text is a line break.
      expect(xml).toMatch(
        /line 1<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">line 2/,
      );
    },
  );
});
