import { parseAssessment, parseAssessmentJson } from "../../src/assessment/parse";
import { assessmentWith } from "../helpers/builders";

describe("assessment file", () => {
  it("accepts the documented contract", () => {
    const a = {
      format: "starscore.assessment/1",
      organization: "某某电器有限公司",
      type: "initial",
      step: 5,
      evaluators: [
        { name: "张三", kind: "auditor" },
        { name: "暗访 1", kind: "visit" },
        { name: "李四", kind: "auditor" },
      ],
      scores: { B1: [80, null, 75] },
      notes: { B1: "证据：包装照片 3 张" },
      exclusions: { B10: "无配送业务", "5.2.6": "不涉及废弃商品" },
      deductions: [{ category: "law", description: "…", item: "C7", rectification: "…" }],
      bonus: [{ points: 0.5, reason: "…" }],
    };
    const parsed = parseAssessment(a, "zh");
    expect(parsed).toEqual({ ok: true, assessment: a });
  });

  it("round-trips what the builder makes", () => {
    const a = assessmentWith({ evaluators: 3, exclusions: { B10: "x" }, deductions: 2, bonus: [0.5] });
    expect(parseAssessmentJson(JSON.stringify(a), "en")).toEqual({ ok: true, assessment: a });
  });

  it("names the JSON path of every error, in the user's language", () => {
    const bad = {
      ...assessmentWith({ evaluators: 2 }),
      step: 3,
      type: "annual",
      evaluators: [{ name: "张三", kind: "auditor" }, { name: 7 }],
      scores: { B1: [80, "80"], "5.2.1": [1, 2] },
      bonus: [{ points: "1", reason: "x" }],
    };
    const zh = parseAssessment(bad, "zh");
    const en = parseAssessment(bad, "en");
    if (zh.ok || en.ok) throw new Error("expected errors");
    expect(zh.errors.map((e) => e.path).sort()).toEqual(
      [
        "$.bonus[0].points",
        "$.evaluators[1].kind",
        "$.evaluators[1].name",
        "$.scores.B1[1]",
        "$.step",
        "$.type",
      ].sort(),
    );
    const score = (errors: typeof zh.errors) => errors.find((e) => e.path === "$.scores.B1[1]")!.message;
    expect(score(zh.errors)).toMatch(/期望.*(数字|number)/);
    expect(score(en.errors)).toMatch(/expected number/);
    expect(en.errors.find((e) => e.path === "$.type")!.message).toContain('"initial"');
  });

  it("reports invalid JSON and unknown fields", () => {
    const notJson = parseAssessmentJson("{ not json", "zh");
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.errors[0]!.message).toMatch(/^不是有效的 JSON/);
    const extra = parseAssessment({ ...assessmentWith(), colour: "red" }, "en");
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.errors[0]!.message).toContain("colour");
  });

  it("requires the format tag", () => {
    const wrong = parseAssessment({ ...assessmentWith(), format: "starscore.assessment/2" }, "en");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors[0]!.path).toBe("$.format");
  });
});
