import type { Assessment } from "../../src/assessment/schema";
import { compareAssessments, ITEM_CHANGES } from "../../src/core/compare";
import { followUpFrom, nextAudit } from "../../src/core/follow-up";
import { itemByCode, SECONDARY_INDICATORS } from "../../src/spec";
import { assessmentWith, deduction } from "../helpers/builders";

/**
 * A previous audit and the current one, between them every change class: C7 improved (60 → 80),
 * A11 regressed (80 → 60), B1 unchanged, B10 newly excluded, B20 no longer excluded, 5.2.6's B23 and
 * B24 excluded in both.
 */
const previous: Assessment = assessmentWith({
  fill: (code) => (code === "C7" ? 60 : code === "B20" || code === "B23" || code === "B24" ? null : 80),
  exclusions: { B20: "无", "5.2.6": "不涉及" },
  deductions: [
    { ...deduction(1), item: "C7", deadline: "2026-12-31", status: "open" },
    { ...deduction(2), category: "policy", status: "closed" },
    deduction(3),
  ],
});
const current: Assessment = {
  ...nextAudit(previous),
  scores: assessmentWith({
    fill: (code) => (code === "A11" ? 60 : code === "B10" || code === "B23" || code === "B24" ? null : 80),
  }).scores,
  exclusions: { B10: "无配送业务", "5.2.6": "不涉及" },
  deductions: [{ category: "system", description: "新问题", rectification: "三个月内整改" }],
};
current.followUp = current.followUp!.map((f, i) =>
  i === 0 ? { ...f, outcome: "verified" } : i === 1 ? { ...f, outcome: "not-verified", note: "仍未落实" } : f,
);

describe("compareAssessments", () => {
  const result = compareAssessments(previous, current);
  const item = (code: string) => result.items.find((i) => i.code === code)!;

  it("final score and grade before and after, and the change", () => {
    // Previous: B20 (2 points) and 5.2.6 (B23, B24: 2) excluded, so out of 96; everything at 80 % but
    // C7 (7 points) at 60: (76.8 − 1.4) ÷ 96 × 100 = 78.541…, − 3 deductions = 75.54.
    // Current: B10 (1) and 5.2.6 excluded, out of 97; A11 (6) at 60: (77.6 − 1.2) ÷ 97 × 100 = 78.762…,
    // − 1 deduction = 77.76.
    expect(result.previous).toEqual({ finalScore: 75.54, grade: "qualified" });
    expect(result.current).toEqual({ finalScore: 77.76, grade: "qualified" });
    expect(result.delta).toBe(2.22);
  });

  it("classes every item: improved, regressed, unchanged, newly excluded, no longer excluded", () => {
    expect(item("C7")).toEqual({ code: "C7", previousPercent: 60, currentPercent: 80, change: "improved" });
    expect(item("A11")).toEqual({
      code: "A11",
      previousPercent: 80,
      currentPercent: 60,
      change: "regressed",
    });
    expect(item("B1")).toEqual({ code: "B1", previousPercent: 80, currentPercent: 80, change: "unchanged" });
    expect(item("B10")).toEqual({
      code: "B10",
      previousPercent: 80,
      currentPercent: null,
      change: "newly-excluded",
    });
    expect(item("B20")).toEqual({
      code: "B20",
      previousPercent: null,
      currentPercent: 80,
      change: "no-longer-excluded",
    });
    expect(item("B23")).toEqual({
      code: "B23",
      previousPercent: null,
      currentPercent: null,
      change: "unchanged",
    });
    expect(new Set(result.items.map((i) => i.change))).toEqual(new Set(ITEM_CHANGES));
    expect(result.items).toHaveLength(50);
  });

  it("the change per indicator's attainment; null where the indicator is excluded", () => {
    const indicator = (id: string) => result.indicators.find((i) => i.id === id)!;
    expect(indicator("5.2.6")).toEqual({ id: "5.2.6", previous: null, current: null, delta: null });
    // A11's indicator: A11 (6 points) from 80 to 60 % lowers its attainment by 20 × 6 ÷ its weight.
    const a11 = itemByCode("A11")!;
    const weight = SECONDARY_INDICATORS.find((i) => i.id === a11.indicator)!.weight;
    expect(indicator(a11.indicator)).toEqual({
      id: a11.indicator,
      previous: 80,
      current: Number((80 - (20 * 6) / weight).toFixed(2)),
      delta: Number((-(20 * 6) / weight).toFixed(2)),
    });
    expect(result.indicators).toHaveLength(15);
  });

  it("the previous audit's deductions with their status, and which the current audit verified", () => {
    expect(result.deductions.previous.map((d) => [d.description, d.status, d.followUp])).toEqual([
      ["问题 1", "open", "verified"],
      ["问题 2", "closed", "not-verified"],
      ["问题 3", undefined, "to-verify"],
    ]);
    expect(result.deductions.current).toEqual(current.deductions);
    // A previous audit compared with one that did not carry its deductions: nothing to say about them.
    const unrelated = compareAssessments(previous, assessmentWith());
    expect(unrelated.deductions.previous.map((d) => d.followUp)).toEqual([null, null, null]);
  });

  it("has exactly the keys of the issue's JSON", () => {
    expect(Object.keys(result)).toEqual([
      "previous",
      "current",
      "delta",
      "indicators",
      "items",
      "deductions",
    ]);
    expect(Object.keys(result.indicators[0]!)).toEqual(["id", "previous", "current", "delta"]);
    expect(Object.keys(result.items[0]!)).toEqual(["code", "previousPercent", "currentPercent", "change"]);
    expect(Object.keys(result.deductions)).toEqual(["previous", "current"]);
  });
});

describe("carrying the follow-up into the next audit", () => {
  it("nextAudit: the organisation, team, step and purpose of the last audit; surveillance unless told", () => {
    const last: Assessment = {
      ...previous,
      purpose: "self-assessment",
      step: 10,
      dates: { start: "2025-11-02" },
      evaluators: [
        { name: "张三", kind: "auditor" },
        { name: "暗访 1", kind: "visit" },
      ],
      notes: { B1: "见附件" },
      bonus: [{ points: 0.5, reason: "行业领先" }],
      planTargets: { C7: 100 },
    };
    const next = nextAudit(last);
    expect(next).toEqual({
      format: "starscore.assessment/1",
      organization: "某某电器有限公司",
      type: "surveillance",
      purpose: "self-assessment",
      step: 10,
      evaluators: last.evaluators,
      scores: {},
      followUp: [
        {
          category: "law",
          description: "问题 1",
          item: "C7",
          rectification: "限期整改",
          deadline: "2026-12-31",
        },
        { category: "policy", description: "问题 2", rectification: "限期整改" },
        { category: "law", description: "问题 3", rectification: "限期整改" },
      ],
    });
    expect(nextAudit(last, "recertification").type).toBe("recertification");
    expect(nextAudit(assessmentWith())).not.toHaveProperty("followUp");
  });

  it("follow-ups the last audit did not find verified are carried again, once", () => {
    const carried = followUpFrom({
      ...assessmentWith({ deductions: [deduction(7)] }),
      followUp: [
        { category: "law", description: "问题 1", outcome: "verified" },
        { category: "law", description: "问题 2", outcome: "not-verified", note: "未整改" },
        { category: "law", description: "问题 3" },
        { category: "law", description: "问题 7", rectification: "限期整改" },
      ],
    });
    expect(carried).toEqual([
      { category: "law", description: "问题 7", rectification: "限期整改" },
      { category: "law", description: "问题 2" },
      { category: "law", description: "问题 3" },
    ]);
  });
});
