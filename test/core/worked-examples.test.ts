import { scoreAssessment } from "../../src/core/score";
import { toFixed, type Exact } from "../../src/core/exact";
import { assessmentWith } from "../helpers/builders";

/**
 * Worked examples, each computed by hand in its comment from the item points of Appendix B
 * (B1 1, B2 2, B10 1, B11 3, 5.2.3 = 4, 5.2.4 = 10, 5.2.1–5.2.6 = 35, C4 5, C7 7).
 */
const fixed = (v: Exact, places = 2) => toFixed(v, places);

describe("worked examples", () => {
  it("one evaluator, every item at 80 %: 80.00, 三星级", () => {
    const { result, issues } = scoreAssessment(assessmentWith({ fill: () => 80 }));
    expect(fixed(result.rawScore)).toBe("80.00");
    expect(fixed(result.applicableTotal)).toBe("100.00");
    expect(fixed(result.finalScore)).toBe("80.00");
    expect(result.grade).toBe("three-star");
    expect(result.gradeLabel.zh).toBe("三星级");
    expect(result.passed).toBe(true);
    expect(result.complete).toBe(true);
    expect(issues).toEqual([]);
  });

  it("excludes one item and rescales: B10 out, B11 at 100, the rest at 70", () => {
    // raw = 0.7 × (100 − 1 − 3) + 3 = 70.2; applicable = 99; scaled = 70.2 / 99 × 100 = 70.9090…
    const { result, issues } = scoreAssessment(
      assessmentWith({
        fill: (code) => (code === "B11" ? 100 : code === "B10" ? null : 70),
        exclusions: { B10: "无配送业务" },
      }),
    );
    expect(fixed(result.rawScore)).toBe("70.20");
    expect(fixed(result.applicableTotal)).toBe("99.00");
    expect(fixed(result.scaledScore, 6)).toBe("70.909091");
    expect(fixed(result.finalScore)).toBe("70.91");
    expect(result.grade).toBe("qualified");
    expect(result.items.find((i) => i.code === "B10")).toMatchObject({ score: null, excluded: true });
    expect(issues).toEqual([]);
  });

  it("excludes a whole indicator: 5.2.3 out, 5.2.4 at 100, the rest at 60", () => {
    // raw = 0.6 × (100 − 4 − 10) + 10 = 61.6; applicable = 96; scaled = 64.1666… → 64.17, fails
    const { result } = scoreAssessment(
      assessmentWith({
        fill: (code) => (["B10", "B11"].includes(code) ? null : /^B1[2-7]$/.test(code) ? 100 : 60),
        exclusions: { "5.2.3": "不涉及配送" },
      }),
    );
    expect(fixed(result.applicableTotal)).toBe("96.00");
    expect(fixed(result.finalScore)).toBe("64.17");
    expect(result.grade).toBe("fail");
    expect(result.reasons.map((r) => r.code)).toEqual(["below-pass-mark"]);
    const delivery = result.indicators.find((i) => i.id === "5.2.3")!;
    expect(fixed(delivery.applicableMax)).toBe("0.00");
    expect(delivery.attainment).toBeNull();
  });

  it("excludes all of 5.2.1–5.2.6: 65 points remain, C7 at 100, the rest at 80", () => {
    // raw = 0.8 × (65 − 7) + 7 = 53.4; scaled = 53.4 / 65 × 100 = 82.1538… → 82.15 三星级
    const exclusions = Object.fromEntries(
      ["5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6"].map((k) => [k, "不适用"]),
    );
    const { result, issues } = scoreAssessment(
      assessmentWith({
        fill: (code) => (code.startsWith("B") ? null : code === "C7" ? 100 : 80),
        exclusions,
      }),
    );
    expect(fixed(result.applicableTotal)).toBe("65.00");
    expect(fixed(result.rawScore)).toBe("53.40");
    expect(fixed(result.finalScore)).toBe("82.15");
    expect(result.grade).toBe("three-star");
    expect(issues).toEqual([]);
  });

  it("averages only those who scored: blanks are not zeros", () => {
    // Evaluator 1 scores everything 80; evaluator 2 only C4 (5 points) at 40.
    // C4's mean is 60 % → 3 points instead of 4: raw = 80 − 1 = 79 (blanks as zeros would give 78).
    const { result, issues } = scoreAssessment(
      assessmentWith({ evaluators: 2, fill: (code, e) => (e === 0 ? 80 : code === "C4" ? 40 : null) }),
    );
    expect(fixed(result.finalScore)).toBe("79.00");
    expect(result.grade).toBe("qualified");
    const c4 = result.items.find((i) => i.code === "C4")!;
    expect(c4.entries).toBe(2);
    expect(fixed(c4.meanPercent!)).toBe("60.00");
    expect(result.evaluators.map((e) => [fixed(e.total), e.itemsScored])).toEqual([
      ["80.00", 50],
      ["2.00", 1],
    ]);
    expect(issues).toEqual([]);
  });

  it("4 special deductions still pass; 5 fail whatever the score", () => {
    const four = scoreAssessment(assessmentWith({ fill: () => 100, deductions: 4 })).result;
    expect(fixed(four.finalScore)).toBe("96.00");
    expect(four.grade).toBe("five-star");
    expect(four.passed).toBe(true);

    const five = scoreAssessment(assessmentWith({ fill: () => 100, deductions: 5 })).result;
    expect(fixed(five.finalScore)).toBe("95.00");
    expect(five.grade).toBe("fail");
    expect(five.gradeLabel.zh).toBe("不合格");
    expect(five.reasons.map((r) => r.code)).toEqual(["too-many-deductions"]);
  });

  it("gives every fail reason that applies", () => {
    // 60 − 5 = 55: below 70 and 5 deductions
    const { result } = scoreAssessment(assessmentWith({ fill: () => 60, deductions: 5 }));
    expect(fixed(result.finalScore)).toBe("55.00");
    expect(result.reasons.map((r) => r.code)).toEqual(["below-pass-mark", "too-many-deductions"]);
  });

  it("caps the final score at 100 when a bonus lifts it over", () => {
    const { result } = scoreAssessment(assessmentWith({ fill: () => 100, bonus: [1] }));
    expect(fixed(result.finalScore)).toBe("100.00");
    expect(result.grade).toBe("five-star");
  });

  it("a bonus lifts 69 to 70 and the assessment passes", () => {
    const without = scoreAssessment(assessmentWith({ step: 1, fill: () => 69 })).result;
    expect(fixed(without.finalScore)).toBe("69.00");
    expect(without.grade).toBe("fail");
    const withBonus = scoreAssessment(assessmentWith({ step: 1, fill: () => 69, bonus: [0.5, 0.5] })).result;
    expect(fixed(withBonus.bonus)).toBe("1.00");
    expect(fixed(withBonus.finalScore)).toBe("70.00");
    expect(withBonus.grade).toBe("qualified");
  });

  it("exactly 70 passes as 达标级", () => {
    const { result } = scoreAssessment(assessmentWith({ fill: () => 70 }));
    expect(fixed(result.finalScore)).toBe("70.00");
    expect(result.grade).toBe("qualified");
    expect(result.gradeLabel.zh).toBe("达标级");
    expect(result.passed).toBe(true);
  });

  it("an exact final of 69.995 rounds half-up to 70.00 and passes", () => {
    // All at 70 by evaluator 1, B1 (1 point) also by evaluator 2 at 69: B1 mean 69.5 % → 0.695,
    // raw = 70 − 0.7 + 0.695 = 69.995 exactly (a double would hold 69.99499…).
    const { result } = scoreAssessment(
      assessmentWith({
        evaluators: 2,
        step: 1,
        fill: (code, e) => (e === 0 ? 70 : code === "B1" ? 69 : null),
      }),
    );
    expect(fixed(result.rawScore, 4)).toBe("69.9950");
    expect(fixed(result.finalScore)).toBe("70.00");
    expect(result.grade).toBe("qualified");
    // The same through deduction and bonus: 70 − 1 + 0.995
    const viaBonus = scoreAssessment(
      assessmentWith({ fill: () => 70, deductions: 1, bonus: [0.995] }),
    ).result;
    expect(fixed(viaBonus.finalScore)).toBe("70.00");
    expect(viaBonus.passed).toBe(true);
  });

  it("an exact final of 69.985 rounds to 69.99 and fails", () => {
    // B1 mean (67 + 70) / 2 = 68.5 % → 0.685; raw = 70 − 0.7 + 0.685 = 69.985
    const { result } = scoreAssessment(
      assessmentWith({
        evaluators: 2,
        step: 1,
        fill: (code, e) => (e === 0 ? (code === "B1" ? 67 : 70) : code === "B1" ? 70 : null),
      }),
    );
    expect(fixed(result.rawScore, 4)).toBe("69.9850");
    expect(fixed(result.finalScore)).toBe("69.99");
    expect(result.grade).toBe("fail");
    expect(result.reasons.map((r) => r.code)).toEqual(["below-pass-mark"]);
  });

  it("79.99 is 达标级, 94.99 四星级, 95 五星级", () => {
    // Everything at 80 (or 95), B1 (1 point) one percent lower: −0.01
    const at = (base: number) =>
      scoreAssessment(assessmentWith({ step: 1, fill: (code) => (code === "B1" ? base - 1 : base) })).result;
    expect(fixed(at(80).finalScore)).toBe("79.99");
    expect(at(80).grade).toBe("qualified");
    expect(fixed(at(95).finalScore)).toBe("94.99");
    expect(at(95).grade).toBe("four-star");
    const exact95 = scoreAssessment(assessmentWith({ fill: () => 95 })).result;
    expect(fixed(exact95.finalScore)).toBe("95.00");
    expect(exact95.grade).toBe("five-star");
  });

  it("90 is 四星级 and 89.99 三星级", () => {
    const ninety = scoreAssessment(assessmentWith({ fill: () => 90 })).result;
    expect(ninety.grade).toBe("four-star");
    const below = scoreAssessment(
      assessmentWith({ step: 1, fill: (code) => (code === "B1" ? 89 : 90) }),
    ).result;
    expect(fixed(below.finalScore)).toBe("89.99");
    expect(below.grade).toBe("three-star");
  });

  it("keeps thirds exact through the mean and the scaling", () => {
    // Three evaluators on every item: 80, 85, 85 → mean 83.333… %; scaled = 83.333…, final 83.33
    const { result } = scoreAssessment(
      assessmentWith({ evaluators: 3, fill: (_, e) => (e === 0 ? 80 : 85) }),
    );
    expect(result.scaledScore.equals(result.rawScore)).toBe(true);
    expect(result.rawScore.mul(3).equals(250)).toBe(true);
    expect(fixed(result.finalScore)).toBe("83.33");
  });

  it("an unscored applicable item counts 0 and makes the result incomplete", () => {
    const { result, issues } = scoreAssessment(
      assessmentWith({ fill: (code) => (code === "C7" ? null : 100) }),
    );
    expect(result.complete).toBe(false);
    expect(fixed(result.finalScore)).toBe("93.00");
    expect(issues.map((i) => [i.code, i.item])).toEqual([["item-unscored", "C7"]]);
  });

  it("rounds through 9 decimals, as the sheet does: 5e-10 below a half-cent counts as on it", () => {
    // 70 − 1 + 0.99499999996 = 69.99499999996: to 9 decimals 69.995000000, then 70.00
    const snapped = scoreAssessment(
      assessmentWith({ fill: () => 70, deductions: 1, bonus: [0.99499999996] }),
    ).result;
    expect(fixed(snapped.finalScore)).toBe("70.00");
    // 70 − 1 + 0.9949999 = 69.9949999: 1e-7 below, a real difference: 69.99
    const below = scoreAssessment(
      assessmentWith({ fill: () => 70, deductions: 1, bonus: [0.9949999] }),
    ).result;
    expect(fixed(below.finalScore)).toBe("69.99");
    expect(below.grade).toBe("fail");
  });
});
