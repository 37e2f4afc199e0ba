import fc from "fast-check";
import type { Assessment } from "../../src/assessment/schema";
import { scoreAssessment } from "../../src/core/score";
import { ITEMS } from "../../src/spec";
import type { Step } from "../../src/spec/rules";
import { assessmentWith } from "../helpers/builders";

/** Random assessments: 1–8 evaluators, entries on the step or blank, some exclusions and special items. */
const stepArb = fc.constantFrom<Step>(1, 5, 10);
const B_CODES = ITEMS.filter((i) => i.code.startsWith("B")).map((i) => i.code);

const assessmentArb = stepArb.chain((step) =>
  fc
    .record({
      evaluators: fc.integer({ min: 1, max: 8 }),
      entries: fc.array(fc.option(fc.integer({ min: 0, max: 100 / step }), { freq: 5 }), {
        minLength: 400,
        maxLength: 400,
      }),
      excluded: fc.subarray(B_CODES, { maxLength: 6 }),
      deductions: fc.integer({ min: 0, max: 6 }),
      bonus: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    })
    .map(({ evaluators, entries, excluded, deductions, bonus }) =>
      assessmentWith({
        evaluators,
        step,
        fill: (code, e) => {
          if (excluded.includes(code)) return null;
          const slot = entries[(ITEMS.findIndex((i) => i.code === code) * 8 + e) % entries.length];
          return slot === null || slot === undefined ? null : slot * step;
        },
        exclusions: Object.fromEntries(excluded.map((c) => [c, "不适用"])),
        deductions,
        bonus: bonus === undefined ? undefined : [bonus / 10],
      }),
    ),
);

const final = (a: Assessment) => scoreAssessment(a).result.finalScore;

function withEvaluatorOrder(a: Assessment, order: number[]): Assessment {
  return {
    ...a,
    evaluators: order.map((i) => a.evaluators[i]!),
    scores: Object.fromEntries(
      Object.entries(a.scores).map(([c, row]) => [c, order.map((i) => row[i] ?? null)]),
    ),
  };
}

describe("scoring properties", () => {
  it("the order of evaluators does not matter", () => {
    fc.assert(
      fc.property(
        assessmentArb.chain((a) =>
          fc.tuple(
            fc.constant(a),
            fc.shuffledSubarray([...a.evaluators.keys()], { minLength: a.evaluators.length }),
          ),
        ),
        ([a, order]) => {
          const shuffled = scoreAssessment(withEvaluatorOrder(a, order)).result;
          const original = scoreAssessment(a).result;
          expect(shuffled.finalScore.equals(original.finalScore)).toBe(true);
          expect(shuffled.scaledScore.equals(original.scaledScore)).toBe(true);
          expect(shuffled.grade).toBe(original.grade);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("raising an entry never lowers the final score", () => {
    fc.assert(
      fc.property(assessmentArb, fc.nat(), fc.nat(), (a, itemPick, evaluatorPick) => {
        const code = ITEMS[itemPick % ITEMS.length]!.code;
        const e = evaluatorPick % a.evaluators.length;
        const row = [...(a.scores[code] ?? [])];
        const current = row[e] ?? null;
        if (current === null || current >= 100) return;
        row[e] = Math.min(100, current + a.step);
        const raised = { ...a, scores: { ...a.scores, [code]: row } };
        expect(final(raised).compare(final(a))).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it("the final score stays within 0–100 with 2 decimals, and the grade follows it", () => {
    fc.assert(
      fc.property(assessmentArb, (a) => {
        const { result } = scoreAssessment(a);
        expect(result.finalScore.compare(0)).toBeGreaterThanOrEqual(0);
        expect(result.finalScore.compare(100)).toBeLessThanOrEqual(0);
        expect(result.finalScore.mul(100).d).toBe(1n);
        expect(result.passed).toBe(result.finalScore.compare(70) >= 0 && result.deductionCount < 5);
        expect(result.passed).toBe(result.grade !== "fail");
      }),
      { numRuns: 200 },
    );
  });

  it("all 100 gives 100 and 五星级; all 0 gives 0 and fails, for any number of evaluators", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), stepArb, (evaluators, step) => {
        const top = scoreAssessment(assessmentWith({ evaluators, step, fill: () => 100 })).result;
        expect(top.finalScore.equals(100)).toBe(true);
        expect(top.grade).toBe("five-star");
        const bottom = scoreAssessment(assessmentWith({ evaluators, step, fill: () => 0 })).result;
        expect(bottom.finalScore.equals(0)).toBe(true);
        expect(bottom.grade).toBe("fail");
      }),
      { numRuns: 30 },
    );
  });

  it("excluding items whose entries equal the current average leaves the scaled score unchanged", () => {
    // Items at the average p, with pairs of equal-points items pushed to p ± d so the average stays p.
    const pairs: [string, string][] = [
      ["B1", "A1"],
      ["B6", "B7"],
      ["C2", "A5"],
      ["C1", "A2"],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }).map((k) => k * 5),
        fc.array(
          fc.integer({ min: 0, max: 20 }).map((k) => k * 5),
          { minLength: pairs.length, maxLength: pairs.length },
        ),
        fc.subarray(
          B_CODES.filter((c) => !pairs.flat().includes(c)),
          { minLength: 1 },
        ),
        fc.integer({ min: 1, max: 5 }),
        (p, deltas, toExclude, evaluators) => {
          const shift = new Map<string, number>();
          pairs.forEach(([up, down], i) => {
            const d = Math.min(deltas[i]!, 100 - p, p);
            shift.set(up, d);
            shift.set(down, -d);
          });
          const fill = (code: string) => p + (shift.get(code) ?? 0);
          const before = scoreAssessment(assessmentWith({ evaluators, fill })).result;
          const after = scoreAssessment(
            assessmentWith({
              evaluators,
              fill: (code) => (toExclude.includes(code) ? null : fill(code)),
              exclusions: Object.fromEntries(toExclude.map((c) => [c, "不适用"])),
            }),
          ).result;
          expect(before.scaledScore.equals(p)).toBe(true);
          expect(after.scaledScore.equals(before.scaledScore)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
