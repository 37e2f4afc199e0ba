import type { ResultJson } from "../../../src/core/report";
import { PRIMARY_INDICATORS, SECONDARY_INDICATORS } from "../../../src/spec";
import { excludedLines, indicatorFigures } from "../../../src/taskpane/model/results";

function result(): ResultJson {
  return {
    complete: true,
    rawScore: 0,
    applicableTotal: 98,
    scaledScore: 0,
    deductions: 0,
    bonus: 0,
    finalScore: 0,
    grade: "fail",
    gradeLabel: "",
    passed: false,
    reasons: [],
    // As the engine lists them: Appendix A's order.
    indicators: SECONDARY_INDICATORS.map((i) => ({
      id: i.id,
      max: i.weight,
      applicableMax: i.id === "5.2.6" ? 0 : i.weight,
      score: i.id === "5.2.6" ? 0 : i.weight * 0.8,
      attainment: i.id === "5.2.6" ? null : 0.8,
    })),
    items: [
      { code: "B23", points: 1, score: null, entries: 0, excluded: true },
      { code: "B24", points: 1, score: null, entries: 0, excluded: true },
      { code: "B1", points: 1, score: 1, entries: 1, excluded: false },
    ],
    evaluators: [],
    agreement: { items: [], evaluators: [] },
    issues: [],
  };
}

/** Results in the specification's order, both levels (issue 11, point 11). */
describe("the Results view's figures", () => {
  test("服务要求 then 管理要求, each with its secondary indicators in Appendix A's order and its sum", () => {
    const figures = indicatorFigures(result());
    expect(figures.map((f) => f.indicator.id)).toEqual(PRIMARY_INDICATORS.map((p) => p.id));
    expect(figures[0]!.secondaries.map((s) => s.indicator.id)).toEqual([
      "5.2.1",
      "5.2.2",
      "5.2.3",
      "5.2.4",
      "5.2.5",
      "5.2.6",
      "5.3.1",
      "5.3.2",
    ]);
    expect(figures[1]!.secondaries.map((s) => s.indicator.id)).toEqual(
      SECONDARY_INDICATORS.filter((s) => s.primary === "management").map((s) => s.id),
    );
    // 服务要求: 60 points, 5.2.6 (2) excluded → 58 applicable, 80 % of them.
    expect(figures[0]!.applicableMax).toBe(58);
    expect(figures[0]!.score).toBeCloseTo(46.4, 10);
    expect(figures[0]!.attainment).toBeCloseTo(0.8, 10);
    expect(figures[1]!.applicableMax).toBe(40);
  });

  test("exclusions listed with their reasons: whole indicators first, then items; only what is excluded", () => {
    const lines = excludedLines(
      [
        { key: "B24", reason: " 不回收 " },
        { key: "5.2.6", reason: "无废弃商品" },
        { key: "B23", reason: "" },
        { key: "B1", reason: "typed, but B1 is scored" },
      ],
      result(),
    );
    expect(lines.map((l) => [l.key, l.reason, l.indicator?.id])).toEqual([
      ["5.2.6", "无废弃商品", "5.2.6"],
      ["B23", "", undefined],
      ["B24", "不回收", undefined],
    ]);
  });
});
