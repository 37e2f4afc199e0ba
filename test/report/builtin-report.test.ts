/**
 * The built-in report: the committed templates are the code's (src/report/builtin-template.ts), and
 * the report of the sample assessment holds every value issue 13 lists, read back from
 * word/document.xml and the footer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import PizZip from "pizzip";
import type { Assessment } from "../../src/assessment/schema";
import { toFixed } from "../../src/core/exact";
import { scoreAssessment } from "../../src/core/score";
import { builtinTemplateName, builtinTemplateParts } from "../../src/report/builtin-template";
import { NO_WORKBOOK, reportModel, type WorkbookState } from "../../src/report/model";
import { fillTemplate } from "../../src/report/template";
import { deduction } from "../helpers/builders";
import { listedValues, partText } from "../helpers/report";
import { SAMPLE } from "../helpers/sample";

const LANGS = ["zh", "en"] as const;
const template = (lang: "zh" | "en") =>
  readFileSync(path.resolve(__dirname, "../../templates", builtinTemplateName(lang)));

function builtinReport(assessment: Assessment, lang: "zh" | "en", workbook: WorkbookState = NO_WORKBOOK) {
  const model = reportModel(assessment, scoreAssessment(assessment), workbook, lang);
  const filled = fillTemplate(template(lang), model);
  if (!filled.ok) throw new Error(JSON.stringify(filled.problems));
  return { model, body: partText(filled.docx), footer: partText(filled.docx, "word/footer1.xml") };
}

describe("the built-in templates", () => {
  it.each(LANGS)(
    "templates/report-%s.docx is what builtinTemplateParts makes (npm run build:report-templates)",
    (lang) => {
      const zip = new PizZip(template(lang));
      const parts = builtinTemplateParts(lang);
      expect(
        Object.keys(zip.files)
          .filter((name) => !zip.files[name]!.dir)
          .sort(),
      ).toEqual(Object.keys(parts).sort());
      for (const [name, text] of Object.entries(parts)) expect(zip.file(name)!.asText()).toBe(text);
    },
  );

  it("is A4 portrait", () => {
    expect(builtinTemplateParts("zh")["word/document.xml"]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });
});

describe("the built-in report of the sample assessment", () => {
  it.each(LANGS)("holds every listed value (%s)", (lang) => {
    const { model, body, footer } = builtinReport(SAMPLE, lang);
    const { body: values, footer: footerValues } = listedValues(model);
    expect(values.length).toBeGreaterThan(140);
    for (const value of values) expect(body).toContain(value);
    for (const value of footerValues) expect(footer).toContain(value);
    // The signature block: the lead auditor, the reviewer and the date.
    for (const label of lang === "zh"
      ? ["审查组长", "复核人", "日期"]
      : ["Lead auditor", "Reviewer", "Date"]) {
      expect(body).toContain(label);
    }
    // No tag is left over: every one was the model's and filled.
    expect(`${body}\n${footer}`).not.toMatch(/[{}]/);
  });

  it("prints the engine's figures", () => {
    const { model, body } = builtinReport(SAMPLE, "zh");
    const { result } = scoreAssessment(SAMPLE);
    expect(model.finalScore).toBe(toFixed(result.finalScore, 2));
    expect(body).toContain(`最终得分\n${toFixed(result.finalScore, 2)}`);
    expect(body).toContain("等级\n三星级");
    expect(body).toContain("结论\n通过");
    expect(model.indicators).toHaveLength(15);
    expect(model.exclusions).toEqual([
      { key: "5.2.6", name: "废弃商品回收", reason: SAMPLE.exclusions!["5.2.6"] },
    ]);
  });

  it("a failed assessment: every fail reason, 未通过, no bonus or exclusion tables", () => {
    const failing: Assessment = {
      ...SAMPLE,
      exclusions: {},
      bonus: [],
      deductions: Array.from({ length: 5 }, (_, i) => deduction(i + 1)),
    };
    const { model, body } = builtinReport(failing, "zh");
    expect(model.passed).toBe(false);
    expect(model.failReasons.map((r) => r.code)).toContain("too-many-deductions");
    expect(body).toContain("不合格原因：");
    for (const reason of model.failReasons) expect(body).toContain(`• ${reason.message}`);
    expect(body).toContain("结论\n未通过");
    expect(body).toContain("4  删减（不适用）\n无。");
    expect(body).toContain("6  特别加分\n无。");
  });

  it.each(LANGS)(
    "a reviewed surveillance audit (%s): the lead, the agreement, each rectification's outcome, the reviewer",
    (lang) => {
      const audit: Assessment = {
        ...SAMPLE,
        type: "surveillance",
        leadAuditor: "张三",
        scores: { ...SAMPLE.scores, B1: [55, null, 95] },
        followUp: [
          {
            category: "policy",
            description: "门店未张贴三包规定",
            item: "B13",
            outcome: "verified",
            note: "抽查 5 家",
          },
          { category: "law", description: "发票未开具", rectification: "全部开具", outcome: "not-verified" },
          { category: "system", description: "回访记录缺失" },
        ],
      };
      const approved: WorkbookState = {
        review: {
          state: "approved",
          n: 1,
          finalisedBy: "张三",
          finalisedAt: "2026-11-04T17:20:00+08:00",
          reviewedBy: "王五",
          reviewedAt: "2026-11-05T10:00:00+08:00",
          comment: "同意<w:t>{#x}",
        },
      };
      const { model, body } = builtinReport(audit, lang, approved);
      for (const value of listedValues(model).body) expect(body).toContain(value);
      if (lang === "zh") {
        expect(body).toContain("审查组长\n张三");
        expect(body).toContain("张三（组长）");
        expect(body).toContain("已验证 1 项，未落实 1 项，尚未验证 1 项。");
        expect(body).toContain("B1\n商品包装信息\n55.0%\n95.0%\n2");
        expect(body).toContain(
          "定稿状态\n已复核批准（定稿人 张三，2026-11-04T17:20:00+08:00）（复核人 王五，2026-11-05T10:00:00+08:00）",
        );
        expect(body).toMatch(/审查组长\n复核人\n日期\n张三\n王五\n2026-11-04$/);
        expect(body).toContain("回访记录缺失\n待验证");
      } else {
        expect(body).toContain("张三 (lead)");
        expect(body).toContain("Verified: 1; not verified: 1; not yet checked: 1.");
        expect(body).toContain("发票未开具\n全部开具\nNot verified");
        expect(body).toContain("Reviewer's comment\n同意<w:t>{#x}");
        expect(body).toMatch(/Lead auditor\nReviewer\nDate\n张三\n王五\n2026-11-04$/);
        expect(body).toContain("回访记录缺失\nTo verify");
      }
    },
  );

  it("one evaluator: no agreement table; no follow-up: said so", () => {
    const alone: Assessment = {
      ...SAMPLE,
      evaluators: [SAMPLE.evaluators[0]!],
      scores: Object.fromEntries(Object.entries(SAMPLE.scores).map(([k, v]) => [k, [v[0]!]])),
    };
    const { body } = builtinReport(alone, "en");
    expect(body).toContain(
      "7  Agreement between evaluators\nThe team has one evaluator: there is no agreement to report.",
    );
    expect(body).toContain(
      "8  Rectifications from the last audit\nNo rectification from a previous audit to verify.",
    );
  });

  it("a finalised workbook: the state, who and when, and the date in the signature block", () => {
    const finalised: WorkbookState = {
      review: { state: "finalised", finalisedBy: "王组长", finalisedAt: "2026-11-04T17:20:00+08:00" },
    };
    const { body } = builtinReport(SAMPLE, "en", finalised);
    expect(body).toContain("Finalisation\nFinalised (finalised by 王组长, 2026-11-04T17:20:00+08:00)");
    expect(body).toMatch(/Lead auditor\nReviewer\nDate\n2026-11-04$/);
    expect(builtinReport(SAMPLE, "en").body).toContain("Finalisation\nDraft (not finalised)");
  });
});
