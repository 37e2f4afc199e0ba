import fc from "fast-check";
import type { Assessment } from "../../src/assessment/schema";
import { exact, type Exact } from "../../src/core/exact";
import {
  nextGrade,
  planFor,
  PLAN_TARGETS,
  RAISE_PERCENT,
  thresholdOf,
  type PlanTarget,
} from "../../src/core/plan";
import { projectTargets } from "../../src/core/projection";
import { finalScoreOf, scaledScoreOf, scoreAssessment } from "../../src/core/score";
import { ITEMS } from "../../src/spec";
import { assessmentWith } from "../helpers/builders";

const plan = (a: Assessment, target?: PlanTarget, threshold?: number) =>
  planFor(scoreAssessment(a), target, threshold);

describe("planFor: hand-computed examples", () => {
  it("a three-star case one raise from four-star: C7 (7 points) from 80 to 100", () => {
    // Every item at 90 but C7 at 80: 90 − 7 × 10 % = 89.30. C7 to 100 adds 7 × 20 % = 1.40 → 90.70;
    // the next largest single raise (A11, 6 points, 90 → 100) adds only 0.60.
    const p = plan(assessmentWith({ fill: (code) => (code === "C7" ? 80 : 90) }));
    expect(p).toMatchObject({
      target: "four-star",
      threshold: 90,
      current: { finalScore: 89.3, grade: "three-star" },
      reached: false,
      reachable: true,
      reason: null,
      deductionsToClear: 0,
      pointsNeeded: 0.7,
      raises: [{ code: "C7", fromPercent: 80, toPercent: 100, steps: 1, gain: 1.4 }],
      steps: 1,
      projected: { finalScore: 90.7, grade: "four-star" },
    });
    expect(p.headroom.slice(0, 4)).toEqual([
      { code: "C7", percent: 80, points: 7, headroom: 1.4 },
      { code: "A11", percent: 90, points: 6, headroom: 0.6 },
      { code: "C4", percent: 90, points: 5, headroom: 0.5 },
      { code: "A4", percent: 90, points: 5, headroom: 0.5 },
    ]);
    expect(p.headroom).toHaveLength(50);
  });

  it("a case needing two raises of one item, landing exactly on the threshold", () => {
    // Every item at 90 but C7 at 40: 90 − 7 × 50 % = 86.50, plus a bonus of 0.7: 87.20. Four-star needs
    // 2.80: C7's first two raises (40 → 60 → 80) add 1.40 each; any other raise adds at most 0.60.
    const p = plan(assessmentWith({ fill: (code) => (code === "C7" ? 40 : 90), bonus: [0.7] }));
    expect(p).toMatchObject({
      target: "four-star",
      current: { finalScore: 87.2, grade: "three-star" },
      pointsNeeded: 2.8,
      raises: [{ code: "C7", fromPercent: 40, toPercent: 80, steps: 2, gain: 2.8 }],
      steps: 2,
      projected: { finalScore: 90, grade: "four-star" },
    });
  });

  it("gains are on the scaled score: with B2 (2 points) excluded, C7's raise adds 7 × 20 ÷ 98", () => {
    const p = plan(
      assessmentWith({
        fill: (code) => (code === "B2" ? null : code === "C7" ? 80 : 90),
        exclusions: { B2: "无" },
      }),
    );
    expect(p.raises[0]).toEqual({ code: "C7", fromPercent: 80, toPercent: 100, steps: 1, gain: 1.43 });
    expect(p.headroom.find((h) => h.code === "B2")).toBeUndefined();
    expect(p.headroom).toHaveLength(49);
  });

  it("5 or more deductions: unreachable whatever the score, saying how many must be cleared", () => {
    const p = plan(assessmentWith({ fill: () => 100, deductions: 6 }));
    expect(p).toMatchObject({
      target: "qualified",
      current: { finalScore: 94, grade: "fail" },
      reached: false,
      reachable: false,
      reason: "deductions",
      deductionsToClear: 2,
      raises: [],
      steps: 0,
      projected: { finalScore: 94, grade: "fail" },
    });
    expect(plan(assessmentWith({ fill: () => 80, deductions: 5 }), "four-star")).toMatchObject({
      reason: "deductions",
      deductionsToClear: 1,
      pointsNeeded: 15,
    });
  });

  it("the ceiling: even every item at 100 % falls short (96 with 4 deductions, aiming at 97)", () => {
    const p = plan(assessmentWith({ fill: () => 80, deductions: 4 }), "five-star", 97);
    expect(p).toMatchObject({
      threshold: 97,
      current: { finalScore: 76, grade: "qualified" },
      reachable: false,
      reason: "ceiling",
      steps: 50,
      projected: { finalScore: 96, grade: "five-star" },
    });
    expect(p.raises).toHaveLength(50);
    expect(p.raises.every((r) => r.fromPercent === 80 && r.toPercent === 100 && r.steps === 1)).toBe(true);
  });

  it("under the specification's grades there is no ceiling: 100 − 4 deductions is 96, above five-star's 95", () => {
    for (let deductions = 0; deductions < 5; deductions++) {
      for (const target of PLAN_TARGETS) {
        const p = plan(assessmentWith({ fill: () => 0, deductions }), target);
        expect({ deductions, target, reachable: p.reachable }).toEqual({
          deductions,
          target,
          reachable: true,
        });
      }
    }
  });

  it("an already reached target: no raises", () => {
    const p = plan(assessmentWith({ fill: () => 95 }), "four-star");
    expect(p).toMatchObject({
      target: "four-star",
      reached: true,
      reachable: true,
      reason: null,
      pointsNeeded: 0,
      raises: [],
      steps: 0,
      projected: { finalScore: 95, grade: "five-star" },
    });
  });

  it("default target: the grade above the current one; five-star stays five-star", () => {
    expect(nextGrade("fail")).toBe("qualified");
    expect(nextGrade("qualified")).toBe("three-star");
    expect(nextGrade("four-star")).toBe("five-star");
    expect(nextGrade("five-star")).toBeUndefined();
    expect(plan(assessmentWith({ fill: () => 75 })).target).toBe("three-star");
    expect(plan(assessmentWith({ fill: () => 100 }))).toMatchObject({ target: "five-star", reached: true });
  });

  it("items nobody scored count as 0 % and are raised from there", () => {
    const p = plan(assessmentWith({ fill: (code) => (code === "C7" ? null : 90) }), "four-star");
    // 90 − 7 × 90 % = 83.70; C7 0 → 20 → 40 → 60 … at 1.40 each; 6.30 needed: 5 raises (7.00), no other
    // raise is larger than 1.40 (A11 adds 0.60).
    expect(p.raises).toEqual([{ code: "C7", fromPercent: 0, toPercent: 100, steps: 5, gain: 7 }]);
    expect(p.headroom[0]).toEqual({ code: "C7", percent: 0, points: 7, headroom: 7 });
  });

  it("a raise's last step is what is left to 100: 85 → 100 adds 15 points' worth", () => {
    const p = plan(assessmentWith({ step: 5, fill: (code) => (code === "A11" ? 85 : 90) }), "five-star");
    const a11 = p.raises.find((r) => r.code === "A11");
    expect(a11).toEqual({ code: "A11", fromPercent: 85, toPercent: 100, steps: 1, gain: 0.9 });
  });
});

describe("planFor against brute force", () => {
  // Small cases: every item at 100 but a few (1–5, the heavier items more often), which a single
  // evaluator scores on the step of 5 (or leaves blank, 0 %); deductions 0–4, a bonus, an exclusion.
  // Every combination of raises of those items is tried by rescoring the assessment with the raised
  // entries.
  const heavy = ITEMS.filter((i) => i.points >= 3).map((i) => i.code);
  const codeArb = fc.oneof(fc.constantFrom(...heavy), fc.constantFrom(...ITEMS.map((i) => i.code)));
  const caseArb = fc.record({
    open: fc.uniqueArray(codeArb, { minLength: 2, maxLength: 5 }),
    percents: fc.array(fc.option(fc.integer({ min: 0, max: 14 }), { nil: null, freq: 6 }), {
      minLength: 5,
      maxLength: 5,
    }),
    deductions: fc.integer({ min: 0, max: 4 }),
    bonus: fc.constantFrom(0, 0.25, 1),
    excludeB2: fc.boolean(),
    target: fc.constantFrom<PlanTarget>(
      "qualified",
      "three-star",
      "four-star",
      "four-star",
      "five-star",
      "five-star",
    ),
  });

  it("no plan with fewer steps reaches the threshold, the chosen plan does, and gains the most of its size", () => {
    const seen = { reached: 0, planned: 0, multiStep: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const open = c.open.filter((code) => !(c.excludeB2 && code === "B2"));
        const start = new Map(
          open.map((code, i) => [code, c.percents[i] === null ? null : c.percents[i]! * 5]),
        );
        const with_ = (raised: Map<string, number | null>) =>
          assessmentWith({
            fill: (code) =>
              c.excludeB2 && code === "B2" ? null : raised.has(code) ? raised.get(code)! : 100,
            deductions: c.deductions,
            bonus: c.bonus ? [c.bonus] : undefined,
            exclusions: c.excludeB2 ? { B2: "无" } : undefined,
          });
        const base = scoreAssessment(with_(start));
        const threshold = thresholdOf(c.target);
        const p = planFor(base, c.target);

        if (base.result.finalScore.compare(threshold) >= 0) {
          seen.reached++;
          expect(p).toMatchObject({ reached: true, steps: 0 });
          return;
        }
        // Items at 100 cannot be raised, so the open items are all the plan can raise.
        expect(p.raises.every((r) => open.includes(r.code))).toBe(true);
        const maxRaises = open.map((code) => Math.ceil((100 - (start.get(code) ?? 0)) / RAISE_PERCENT));
        const finalAfter = (counts: readonly number[]) => {
          const raised = new Map(
            open.map((code, k) => [code, Math.min(100, (start.get(code) ?? 0) + RAISE_PERCENT * counts[k]!)]),
          );
          return scoreAssessment(with_(raised)).result;
        };
        // The most any plan can do is every open item at 100: short of the threshold is the ceiling.
        if (finalAfter(maxRaises).finalScore.compare(threshold) < 0) {
          expect(p).toMatchObject({ reachable: false, reason: "ceiling" });
          return;
        }
        // Brute force over every number of raises of each open item, up to the plan's size in all: the
        // final score by the rules from the raw score each combination gives (the chosen plan itself is
        // rescored as entries below).
        const r = base.result;
        const points = open.map((code) => exact(ITEMS.find((i) => i.code === code)!.points));
        const raw = (counts: readonly number[]) =>
          counts.reduce((acc, k, i) => {
            const from = start.get(open[i]!) ?? 0;
            return acc.add(points[i]!.mul(Math.min(100, from + RAISE_PERCENT * k) - from).div(100));
          }, r.rawScore);
        const final = (rawScore: Exact) =>
          finalScoreOf(scaledScoreOf(rawScore, r.applicableTotal), r.deductionPoints, r.bonus);
        let fewest = Infinity;
        let bestRaw = exact(-1);
        const counts = open.map(() => 0);
        const visit = (i: number, size: number): void => {
          if (i === open.length) {
            const rawScore = raw(counts);
            if (final(rawScore).compare(threshold) < 0) return;
            if (size < fewest) {
              fewest = size;
              bestRaw = rawScore;
            } else if (size === fewest && rawScore.compare(bestRaw) > 0) bestRaw = rawScore;
            return;
          }
          for (let k = 0; k <= maxRaises[i]! && size + k <= p.steps; k++) {
            counts[i] = k;
            visit(i + 1, size + k);
          }
          counts[i] = 0;
        };
        visit(0, 0);
        expect(p).toMatchObject({ reachable: true, steps: fewest });
        seen.planned++;
        if (fewest > 1) seen.multiStep++;
        // The chosen plan, rescored as entries, reaches the threshold and gains as much as the best plan of its size.
        const chosen = new Map(start);
        for (const r of p.raises) chosen.set(r.code, r.toPercent);
        const result = scoreAssessment(with_(chosen)).result;
        expect(result.finalScore.compare(threshold)).toBeGreaterThanOrEqual(0);
        expect(result.rawScore.equals(bestRaw)).toBe(true);
        expect(p.projected.finalScore).toBeCloseTo(result.finalScore.valueOf(), 9);
      }),
      { numRuns: 200, seed: 20261201 },
    );
    // The sample is not all trivial: many cases need a plan, most of them more than one raise.
    expect(seen.planned).toBeGreaterThan(60);
    expect(seen.multiStep).toBeGreaterThan(50);
  });
});

describe("projectTargets: the what-if of the Plan sheet", () => {
  it("with no targets, the projection is the result", () => {
    const scoring = scoreAssessment(
      assessmentWith({
        evaluators: 3,
        fill: (code, e) => (code === "C7" ? null : 70 + 5 * e),
        deductions: 1,
      }),
    );
    const projection = projectTargets(scoring);
    expect(projection.finalScore.equals(scoring.result.finalScore)).toBe(true);
    expect(projection.scaledScore.equals(scoring.result.scaledScore)).toBe(true);
    expect(projection.grade).toBe(scoring.result.grade);
  });

  it("targets count as that item's mean; invalid targets and excluded items do not count", () => {
    const a = assessmentWith({ fill: (code) => (code === "B2" ? null : 80), exclusions: { B2: "无" } });
    const p = projectTargets(scoreAssessment(a), { C7: 100, A11: 150, B2: 100, A4: Number.NaN, Z9: 50 });
    const item = (code: string) => p.items.find((i) => i.code === code)!;
    expect(item("C7").projectedPercent?.valueOf()).toBe(100);
    expect(item("A11").targetPercent).toBeNull();
    expect(item("A11").projectedPercent?.valueOf()).toBe(80);
    expect(item("B2")).toMatchObject({ excluded: true, projectedScore: null });
    // (80 × 98 % + 7 × 20 %) ÷ 98 × 100 = 80 + 140 ÷ 98 = 81.428… → 81.43.
    expect(p.finalScore.valueOf()).toBe(81.43);
  });

  it("equals the engine scoring the targets as entries", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ITEMS.map((i) => i.code)), fc.integer({ min: 0, max: 20 }), {
          maxKeys: 12,
        }),
        fc.integer({ min: 0, max: 6 }),
        (targets, deductions) => {
          const fill = (code: string) => (code.startsWith("A") ? 60 : 85);
          const base = assessmentWith({ fill, deductions });
          const asPercent = Object.fromEntries(Object.entries(targets).map(([c, v]) => [c, v * 5]));
          const projected = projectTargets(scoreAssessment(base), asPercent);
          const rescored = scoreAssessment(
            assessmentWith({ fill: (code) => asPercent[code] ?? fill(code), deductions }),
          );
          expect(projected.finalScore.equals(rescored.result.finalScore)).toBe(true);
          expect(projected.grade).toBe(rescored.result.grade);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it("the plan's raises as targets project the plan's final score", () => {
    const scoring = scoreAssessment(assessmentWith({ evaluators: 3, fill: (_, e) => 75 + 5 * e }));
    const p = planFor(scoring, "five-star");
    const projection = projectTargets(
      scoring,
      Object.fromEntries(p.raises.map((r) => [r.code, r.toPercent])),
    );
    expect(projection.finalScore.valueOf()).toBe(p.projected.finalScore);
  });
});
