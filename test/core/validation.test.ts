import { checkEntry } from "../../src/core/entries";
import { ISSUE_CODES, hasErrors } from "../../src/core/issues";
import { scoreAssessment } from "../../src/core/score";
import { toFixed } from "../../src/core/exact";
import { assessmentWith } from "../helpers/builders";

const codesOf = (issues: { code: string }[]) => issues.map((i) => i.code);

describe("entries", () => {
  it("accepts percentages on the step within 0–100", () => {
    for (const v of [0, 5, 50, 95, 100]) expect(checkEntry(v, 5)).toMatchObject({ ok: true });
    expect(checkEntry(37, 1)).toMatchObject({ ok: true });
    expect(checkEntry(30, 10)).toMatchObject({ ok: true });
  });

  it("says what to type instead of a bad value", () => {
    expect(checkEntry(101, 5)).toEqual({ ok: false, code: "entry-out-of-range" });
    expect(checkEntry(-5, 5)).toEqual({ ok: false, code: "entry-out-of-range" });
    expect(checkEntry(0.8, 5)).toEqual({ ok: false, code: "entry-looks-like-fraction", suggestion: "80" });
    expect(checkEntry(0.35, 5)).toEqual({ ok: false, code: "entry-looks-like-fraction", suggestion: "35" });
    expect(checkEntry(82, 5)).toEqual({ ok: false, code: "entry-off-step", suggestion: "80" });
    expect(checkEntry(35, 10)).toMatchObject({ ok: false, code: "entry-off-step" });
    expect(checkEntry(80.5, 1)).toMatchObject({ ok: false, code: "entry-off-step" });
  });

  it("reads an entry to the 15 significant digits a cell holds", () => {
    expect(checkEntry(70.00000000000001, 5)).toMatchObject({ ok: true });
    expect(checkEntry(100.00000000000001, 5)).toMatchObject({ ok: true });
    expect(checkEntry(70.0000000001, 5)).toMatchObject({ ok: false, code: "entry-off-step" });
  });
});

describe("validation issues", () => {
  it("reports bad entries with item, evaluator and both languages, and leaves them out of the mean", () => {
    const { result, issues } = scoreAssessment(
      assessmentWith({ evaluators: 2, fill: (code, e) => (code === "B2" && e === 1 ? 0.8 : 80) }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "entry-looks-like-fraction",
      severity: "error",
      item: "B2",
      evaluator: 1,
    });
    expect(issues[0]!.message.zh).toContain("80");
    expect(issues[0]!.message.zh).toContain("评价人2");
    expect(issues[0]!.message.en).toContain("Type the percentage 80");
    expect(result.items.find((i) => i.code === "B2")!.entries).toBe(1);
    expect(toFixed(result.finalScore, 2)).toBe("80.00");
  });

  it("names unknown item codes and rows of the wrong length", () => {
    const a = assessmentWith({ evaluators: 2 });
    a.scores["B99"] = [80, 80];
    a.scores["C1"] = [80];
    const { issues } = scoreAssessment(a);
    expect(issues.map((i) => [i.code, i.item ?? null]).sort()).toEqual([
      ["row-length", "C1"],
      ["unknown-item", null],
    ]);
    expect(issues.find((i) => i.code === "unknown-item")!.message.en).toContain('"B99"');
  });

  it("refuses to exclude anything outside 5.2.1–5.2.6, and keeps it in the score", () => {
    const { result, issues } = scoreAssessment(
      assessmentWith({ exclusions: { C7: "不适用", "5.1.1": "不适用", X1: "?" } }),
    );
    expect(codesOf(issues)).toEqual(["exclusion-not-allowed", "exclusion-not-allowed", "exclusion-unknown"]);
    expect(result.applicableTotal.equals(100)).toBe(true);
  });

  it("requires a reason for each exclusion and flags an excluded item that still has entries", () => {
    const { result, issues } = scoreAssessment(
      assessmentWith({ exclusions: { B10: " ", "5.2.6": "不涉及" } }),
    );
    expect(issues.map((i) => [i.code, i.item ?? i.field])).toEqual([
      ["exclusion-no-reason", "exclusions.B10"],
      ["exclusion-has-entries", "B10"],
      ["exclusion-has-entries", "B23"],
      ["exclusion-has-entries", "B24"],
    ]);
    expect(issues[2]!.message.zh).toContain("5.2.6");
    expect(result.applicableTotal.equals(97)).toBe(true);
  });

  it("checks special items: description, related item, rectification, bonus reason, sign and cap", () => {
    const { result, issues } = scoreAssessment(
      assessmentWith({
        deductions: [
          { category: "law", description: "", item: "Z9" },
          { category: "system", description: "系统停机", item: "C3", rectification: "一周内修复" },
        ],
        bonus: [
          { points: 0.8, reason: "领先" },
          { points: 0.7, reason: "" },
          { points: -1, reason: "错误" },
        ],
      }),
    );
    expect(codesOf(issues)).toEqual([
      "deduction-no-description",
      "deduction-unknown-item",
      "deduction-no-rectification",
      "bonus-no-reason",
      "bonus-not-positive",
      "bonus-over-cap",
    ]);
    expect(issues.find((i) => i.code === "deduction-no-rectification")!.severity).toBe("warning");
    expect(toFixed(result.bonus, 2)).toBe("1.00");
    // 80 − 2 + 1
    expect(toFixed(result.finalScore, 2)).toBe("79.00");
  });

  it("reports an assessment with no evaluators once, and an evaluator who scored nothing", () => {
    expect(codesOf(scoreAssessment(assessmentWith({ evaluators: 0 })).issues)).toEqual(["no-evaluators"]);
    const idle = scoreAssessment(assessmentWith({ evaluators: 2, fill: (_, e) => (e === 0 ? 80 : null) }));
    expect(codesOf(idle.issues)).toEqual(["evaluator-no-entries"]);
    expect(hasErrors(idle.issues)).toBe(false);
  });

  it("has a message in both languages for every issue code", () => {
    expect(ISSUE_CODES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });
});
