import fc from "fast-check";
import type { Assessment } from "../../src/assessment/schema";
import { checkEntry, readEntries, validPercents } from "../../src/core/entries";
import { HUNDREDTHS_IN_ORDER } from "../../src/core/items";
import { ITEMS } from "../../src/spec";
import { RULES, type Step } from "../../src/spec/rules";

/**
 * readEntries checks every entry once and adds up the valid ones as it goes (the tallies the items'
 * means and the evaluators' totals are made of). Here the tallies are recounted from the table of
 * valid percentages, which is itself recomputed from checkEntry, entry by entry.
 */
const entry = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 20 }).map((n) => n * 5), weight: 6 },
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: fc.integer({ min: -10, max: 110 }), weight: 1 },
  { arbitrary: fc.constantFrom(0.8, 70.00000000000001, 12.5, -0, Number.NaN), weight: 1 },
);

const assessments = fc
  .record({
    step: fc.constantFrom<Step>(...RULES.steps),
    evaluators: fc.integer({ min: 0, max: 6 }),
    excluded: fc.subarray(ITEMS.map((i) => i.code)),
    rows: fc.array(fc.array(entry, { maxLength: 8 }), { minLength: ITEMS.length, maxLength: ITEMS.length }),
  })
  .map(({ step, evaluators, excluded, rows }) => ({
    excluded: new Set(excluded),
    assessment: {
      format: "starscore.assessment/1",
      organization: "测试",
      type: "initial",
      step,
      evaluators: Array.from({ length: evaluators }, (_, i) => ({ name: `E${i}`, kind: "auditor" as const })),
      // Rows of any length: slots past the team are not entries, missing slots are blank.
      scores: Object.fromEntries(ITEMS.map((item, place) => [item.code, rows[place]!])),
      exclusions: {},
      deductions: [],
      bonus: [],
    } satisfies Assessment,
  }));

describe("validPercents and readEntries", () => {
  it("validPercents gives the valid percentages, entry by entry as checkEntry judges them", () => {
    fc.assert(
      fc.property(assessments, ({ assessment }) => {
        const percents = validPercents(assessment);
        for (const item of ITEMS) {
          const row = assessment.scores[item.code]!;
          const expected = assessment.evaluators.map((_, index) => {
            const value = row[index];
            if (value === null || value === undefined) return null;
            const check = checkEntry(value, assessment.step);
            return check.ok ? check.percent : null;
          });
          expect(percents.get(item.code)).toEqual(expected);
        }
      }),
    );
  });

  it("readEntries adds them up by item, and by evaluator over the applicable items only", () => {
    fc.assert(
      fc.property(assessments, ({ assessment, excluded }) => {
        const { tallies } = readEntries(assessment, excluded);
        const percents = validPercents(assessment);
        const count = assessment.evaluators.length;
        const evaluatorItems = new Array<number>(count).fill(0);
        const evaluatorUnits = new Array<number>(count).fill(0);
        ITEMS.forEach((item, place) => {
          const valid = percents.get(item.code)!;
          const scored = valid.filter((p): p is number => p !== null);
          expect(tallies.itemEntries[place]).toBe(scored.length);
          expect(tallies.itemPercentTotals[place]).toBe(scored.reduce((a, b) => a + b, 0));
          if (excluded.has(item.code)) return;
          valid.forEach((p, index) => {
            if (p === null) return;
            evaluatorItems[index]! += 1;
            evaluatorUnits[index]! += HUNDREDTHS_IN_ORDER[place]! * p;
          });
        });
        expect([...tallies.evaluatorItems]).toEqual(evaluatorItems);
        expect([...tallies.evaluatorUnits]).toEqual(evaluatorUnits);
      }),
    );
  });

  it("readEntries reports each invalid entry once, and the same issues whatever is excluded", () => {
    fc.assert(
      fc.property(assessments, ({ assessment, excluded }) => {
        const invalid = ITEMS.flatMap((item) =>
          assessment.evaluators.flatMap((_, index) => {
            const value = assessment.scores[item.code]![index];
            return value === null || value === undefined || checkEntry(value, assessment.step).ok
              ? []
              : [`${item.code}/${index}`];
          }),
        );
        const issues = readEntries(assessment, excluded).issues.filter((i) => i.evaluator !== undefined);
        expect(issues.map((i) => `${i.item}/${i.evaluator}`)).toEqual(invalid);
        expect(readEntries(assessment).issues).toEqual(readEntries(assessment, excluded).issues);
      }),
    );
  });
});
