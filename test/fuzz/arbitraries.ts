import fc from "fast-check";
import type { Assessment, Bonus, Deduction } from "../../src/assessment/schema";
import { DEDUCTION_CATEGORIES, ITEMS, SECONDARY_INDICATORS } from "../../src/spec";

/**
 * Random assessments for property tests and fuzzing: every field, text that has broken
 * spreadsheets before (formula-like prefixes, XML specials, control characters, Excel's _xHHHH_
 * escape), entries on and off the step. Kept small by default (few evaluators, short texts) so that
 * a case that goes through a workbook stays cheap; `wide` adds what a workbook must carry even
 * though the engine judges or refuses it (test/workbook/xlsx/roundtrip.test.ts).
 */
export interface AssessmentArbOptions {
  /** At most this many evaluators (at least one). */
  maxEvaluators?: number;
  /**
   * Also: any number as an entry or bonus points, any text as a deduction's item or deadline,
   * exclusion keys the engine refuses, empty notes and exclusions, text with lone surrogates, C0
   * controls, noncharacters and binary, and longer collections.
   */
  wide?: boolean;
}

const TRICKY = [
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
];
/** What only `wide` text holds: "\r" alone, Excel's escape of its escape, characters XML cannot carry. */
const WIDE_TRICKY = [
  "\r",
  "_x005F_",
  "_x000d_",
  "\u0000",
  "\u000b",
  "\u007f",
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDC00",
  "Score",
];
const chinese = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));

function text(wide: boolean): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom("", "", "=", "+", "-", "@"),
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 4 }) },
          { weight: 3, arbitrary: fc.string({ unit: chinese, maxLength: 4 }) },
          { weight: 2, arbitrary: fc.constantFrom(...TRICKY, ...(wide ? WIDE_TRICKY : [])) },
          { weight: wide ? 1 : 0, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
        ),
        { maxLength: wide ? 6 : 4 },
      ),
    )
    .map(([prefix, parts]) => prefix + parts.join(""));
}

export const textArb = text(false);

const isoDateArb = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Any double in a range, -0 as 0 (JSON and cells have no -0). */
const anyNumber = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));

/** An entry: mostly on a step, sometimes off it or out of range; `wide`, any number (the engine's to judge). */
function entry(wide: boolean): fc.Arbitrary<number> {
  const onStep = fc.integer({ min: 0, max: 20 }).map((i) => i * 5);
  return wide
    ? fc.oneof(
        { weight: 8, arbitrary: onStep },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) },
        { weight: 1, arbitrary: anyNumber(-1000, 1000) },
      )
    : fc.oneof(
        { weight: 8, arbitrary: onStep },
        { weight: 1, arbitrary: fc.integer({ min: -10, max: 110 }) },
      );
}

const EXCLUDABLE = [
  ...ITEMS.filter((i) => i.code.startsWith("B")).map((i) => i.code),
  ...SECONDARY_INDICATORS.filter((i) => i.excludable).map((i) => i.id),
];
/** Keys the engine rejects but the workbook still keeps (so nothing the user wrote is lost). */
const OTHER_KEYS = ["C1", "A7", "5.3.1"];
const CODES = ITEMS.map((i) => i.code);

export function assessmentArb({
  maxEvaluators = 5,
  wide = false,
}: AssessmentArbOptions = {}): fc.Arbitrary<Assessment> {
  const textArb = text(wide);
  const orText = (arbitrary: fc.Arbitrary<string>) => (wide ? fc.oneof(arbitrary, textArb) : arbitrary);
  const deductionArb: fc.Arbitrary<Deduction> = fc.record(
    {
      category: fc.constantFrom(...DEDUCTION_CATEGORIES.map((c) => c.id)),
      description: textArb,
      item: orText(fc.constantFrom(...CODES)),
      rectification: textArb,
      evidence: textArb,
      deadline: orText(isoDateArb),
      status: fc.constantFrom("open" as const, "closed" as const),
    },
    { requiredKeys: ["category", "description"] },
  );
  const bonusArb: fc.Arbitrary<Bonus> = fc.record({
    points: wide ? fc.oneof(fc.constantFrom(0.25, 0.5, 1), anyNumber(-2, 2)) : fc.constantFrom(0.25, 0.5, 1),
    reason: textArb,
  });
  const exclusionKey = wide
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...EXCLUDABLE) }, fc.constantFrom(...OTHER_KEYS))
    : fc.constantFrom(...EXCLUDABLE);
  const pool = 50 * maxEvaluators;
  const more = wide ? 2 : 1;
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
      items: fc.subarray(CODES),
      entries: fc.array(fc.option(entry(wide), { nil: null, freq: 3 }), { minLength: pool, maxLength: pool }),
      notes: fc.dictionary(fc.constantFrom(...CODES), textArb, { maxKeys: 4 * more }),
      exclusions: fc.dictionary(exclusionKey, textArb, { maxKeys: 3 * more }),
      deductions: fc.option(fc.array(deductionArb, { maxLength: 3 * more }), { nil: undefined }),
      bonus: fc.option(fc.array(bonusArb, { maxLength: 2 * more }), { nil: undefined }),
      // Wide: an empty notes or exclusions object is kept, as a file may have one.
      keepEmpty: wide ? fc.boolean() : fc.constant(false),
    })
    .map((r) => {
      const scores = Object.fromEntries(
        r.items.map((code, i) => [
          code,
          r.evaluators.map((_, k) => r.entries[(i * maxEvaluators + k) % pool] ?? null),
        ]),
      );
      const kept = (o: object) => r.keepEmpty || Object.keys(o).length > 0;
      return {
        format: "starscore.assessment/1",
        organization: r.organization,
        type: r.type,
        step: r.step,
        ...(r.dates && { dates: r.dates }),
        evaluators: r.evaluators,
        scores,
        ...(kept(r.notes) && { notes: r.notes }),
        ...(kept(r.exclusions) && { exclusions: r.exclusions }),
        ...(r.deductions && { deductions: r.deductions }),
        ...(r.bonus && { bonus: r.bonus }),
      } satisfies Assessment;
    });
}
