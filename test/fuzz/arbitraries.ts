import fc from "fast-check";
import type { Assessment, Bonus, Deduction } from "../../src/assessment/schema";
import { DEDUCTION_CATEGORIES, ITEMS, SECONDARY_INDICATORS } from "../../src/spec";

/**
 * Random assessments for property tests and fuzzing: every field, text that has broken
 * spreadsheets before (formula-like prefixes, XML specials, control characters, Excel's _xHHHH_
 * escape), entries on and off the step. Kept small (few evaluators, short texts) so that a case
 * that goes through a workbook stays cheap.
 */
const tricky = fc.constantFrom(
  "=",
  "+",
  "-",
  "@",
  "=SUM(A1:A3)",
  '=HYPERLINK("http://x")',
  "+cmd|' /C calc'!A0",
  " ",
  "\n",
  "\r\n",
  "\t",
  "_x0041_",
  "\u0001",
  "&<>\"'",
  "]]>",
  "😀",
  "不适用",
  "No",
  "得分",
  "代码",
);
const chinese = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));

export const textArb = fc
  .tuple(
    fc.constantFrom("", "", "=", "+", "-", "@"),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 4 }) },
        { weight: 3, arbitrary: fc.string({ unit: chinese, maxLength: 4 }) },
        { weight: 2, arbitrary: tricky },
      ),
      { maxLength: 4 },
    ),
  )
  .map(([prefix, parts]) => prefix + parts.join(""));

const isoDateArb = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const entryArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }).map((i) => i * 5) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 110 }) },
);

const EXCLUDABLE = [
  ...ITEMS.filter((i) => i.code.startsWith("B")).map((i) => i.code),
  ...SECONDARY_INDICATORS.filter((i) => i.excludable).map((i) => i.id),
];

const deductionArb: fc.Arbitrary<Deduction> = fc.record(
  {
    category: fc.constantFrom(...DEDUCTION_CATEGORIES.map((c) => c.id)),
    description: textArb,
    item: fc.constantFrom(...ITEMS.map((i) => i.code)),
    rectification: textArb,
    evidence: textArb,
    deadline: isoDateArb,
    status: fc.constantFrom("open" as const, "closed" as const),
  },
  { requiredKeys: ["category", "description"] },
);

const bonusArb: fc.Arbitrary<Bonus> = fc.record({
  points: fc.constantFrom(0.25, 0.5, 1),
  reason: textArb,
});

export function assessmentArb(maxEvaluators = 5): fc.Arbitrary<Assessment> {
  return fc
    .record({
      organization: textArb,
      type: fc.constantFrom("initial" as const, "recertification" as const, "surveillance" as const),
      step: fc.constantFrom(1 as const, 5 as const, 10 as const),
      dates: fc.option(fc.record({ start: isoDateArb, end: isoDateArb }, { requiredKeys: [] }), {
        nil: undefined,
      }),
      evaluators: fc.array(
        fc.record({ name: textArb, kind: fc.constantFrom("auditor" as const, "visit" as const) }),
        { minLength: 1, maxLength: maxEvaluators },
      ),
      items: fc.subarray(ITEMS.map((i) => i.code)),
      entries: fc.array(fc.option(entryArb, { nil: null, freq: 3 }), { minLength: 50, maxLength: 50 }),
      notes: fc.dictionary(fc.constantFrom(...ITEMS.map((i) => i.code)), textArb, { maxKeys: 4 }),
      exclusions: fc.dictionary(fc.constantFrom(...EXCLUDABLE), textArb, { maxKeys: 3 }),
      deductions: fc.option(fc.array(deductionArb, { maxLength: 3 }), { nil: undefined }),
      bonus: fc.option(fc.array(bonusArb, { maxLength: 2 }), { nil: undefined }),
    })
    .map((r) => {
      const scores = Object.fromEntries(
        r.items.map((code, i) => [code, r.evaluators.map((_, k) => r.entries[(i * 7 + k) % 50] ?? null)]),
      );
      return {
        format: "starscore.assessment/1",
        organization: r.organization,
        type: r.type,
        step: r.step,
        ...(r.dates && { dates: r.dates }),
        evaluators: r.evaluators,
        scores,
        ...(Object.keys(r.notes).length > 0 && { notes: r.notes }),
        ...(Object.keys(r.exclusions).length > 0 && { exclusions: r.exclusions }),
        ...(r.deductions && { deductions: r.deductions }),
        ...(r.bonus && { bonus: r.bonus }),
      } satisfies Assessment;
    });
}
