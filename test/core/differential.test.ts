import fc from "fast-check";
import type { Assessment } from "../../src/assessment/schema";
import { checkEntry } from "../../src/core/entries";
import { ratio, type Exact } from "../../src/core/exact";
import type { ValidationIssue } from "../../src/core/issues";
import { scoreAssessment, type AssessmentResult } from "../../src/core/score";
import { ITEMS, SECONDARY_INDICATORS } from "../../src/spec";
import { RULES, type Step } from "../../src/spec/rules";
import { oracleCheckEntry, oracleScore, type OracleResult } from "./oracle/fraction-engine";

/**
 * The integer engine against the fraction implementation it replaced (test/core/oracle): the same
 * results, exactly, on 10,000 random assessments of 0–30 evaluators with entries valid, off the
 * step, out of range, typed as fractions, a digit past what a cell holds, or blank; exclusions
 * (allowed or not, with and without a reason), deductions and bonuses (some not positive, some over
 * the cap). Made by a seeded generator rather than fast-check: shrinking 1,500 entries would not
 * make a difference clearer than printing the first one.
 */
/** 10,000 in `npm test` (CI); `npm run test:unit` runs a fifth, as it does the fuzzers. */
const RUNS = Number(process.env.STARSCORE_DIFFERENTIAL_CASES ?? 10_000);

const EXCLUDABLE = SECONDARY_INDICATORS.filter((i) => i.excludable);
const exclusionKeys = [
  ...EXCLUDABLE.map((i) => i.id),
  ...ITEMS.filter((i) => EXCLUDABLE.some((x) => x.id === i.indicator)).map((i) => i.code),
  "A3", // not excludable: reported, stays in the score
];

/** A seeded generator (mulberry32): the same 10,000 assessments on every run, cheap to make. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_ENTRIES = [70.00000000000001, 99.99999999999999, 1e-7, -0, 100.0000000001, 0.8, 0.35, 82, 101, -5];

function randomAssessment(next: () => number): Assessment {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const step = pick(RULES.steps);
  const evaluators = int(0, 30);
  // Entries as auditors and files produce them: mostly valid, some of every kind of mistake.
  const entry = (): number | null => {
    const kind = next();
    if (kind < 0.7) return int(0, 100 / step) * step;
    if (kind < 0.82) return null;
    if (kind < 0.87) return int(-20, 120);
    if (kind < 0.92) return int(0, 20) / 20;
    if (kind < 0.96) return next() * 102 - 1;
    return pick(ODD_ENTRIES);
  };
  const exclusions = exclusionKeys.filter(() => next() < 0.06);
  return {
    format: "starscore.assessment/1",
    organization: "差分测试有限公司",
    type: "initial",
    step,
    evaluators: Array.from({ length: evaluators }, (_, i) => ({
      name: i % 3 ? `评价人${i + 1}` : "",
      kind: i % 2 ? ("visit" as const) : ("auditor" as const),
    })),
    scores: Object.fromEntries(ITEMS.map((item) => [item.code, Array.from({ length: evaluators }, entry)])),
    exclusions: Object.fromEntries(exclusions.map((key, i) => [key, i % 3 ? "不涉及" : ""])),
    deductions: Array.from({ length: int(0, 6) }, (_, i) => ({
      category: "law" as const,
      description: `问题 ${i + 1}`,
      rectification: "限期整改",
    })),
    bonus: Array.from({ length: int(0, 3) }, () => ({ points: int(-2, 12) / 10, reason: "行业领先" })),
  };
}

/** Exact values as exact text (n/d), so that a difference shows as the two fractions. */
function comparable(result: AssessmentResult | OracleResult): unknown {
  const x = (v: Exact | null) => (v === null ? null : `${v.s * v.n}/${v.d}`);
  return {
    ...result,
    rawScore: x(result.rawScore),
    applicableTotal: x(result.applicableTotal),
    scaledScore: x(result.scaledScore),
    deductionPoints: x(result.deductionPoints),
    bonus: x(result.bonus),
    finalScore: x(result.finalScore),
    items: result.items.map(
      ({ percentTotal, ...i }: OracleResult["items"][number] & { percentTotal?: number }) => {
        // The integer engine's tally: the mean it gives is percentTotal ÷ entries, exactly.
        if (percentTotal !== undefined && i.meanPercent)
          expect(i.meanPercent.equals(ratio(percentTotal, i.entries))).toBe(true);
        return { ...i, points: x(i.points), score: x(i.score), meanPercent: x(i.meanPercent) };
      },
    ),
    indicators: result.indicators.map((i) => ({
      ...i,
      max: x(i.max),
      applicableMax: x(i.applicableMax),
      score: x(i.score),
      attainment: x(i.attainment),
    })),
    evaluators: result.evaluators.map((e) => ({ ...e, total: x(e.total), coverage: x(e.coverage) })),
  };
}

const ENTRY_CODES = new Set(["entry-out-of-range", "entry-looks-like-fraction", "entry-off-step"]);
const entryIssues = (issues: readonly ValidationIssue[]) => issues.filter((i) => ENTRY_CODES.has(i.code));

describe("the integer engine against the fraction oracle", () => {
  it(`gives the same results, exactly, on ${RUNS.toLocaleString("en")} random assessments`, () => {
    const next = random(20261202);
    const mismatches: Assessment[] = [];
    for (let run = 0; run < RUNS; run++) {
      const assessment = randomAssessment(next);
      const engine = scoreAssessment(assessment);
      const oracle = oracleScore(assessment);
      const same =
        JSON.stringify(comparable(engine.result)) === JSON.stringify(comparable(oracle.result)) &&
        JSON.stringify(entryIssues(engine.issues)) === JSON.stringify(entryIssues(oracle.entryIssues));
      if (!same) mismatches.push(assessment);
    }
    // The first difference in full, if there is one.
    for (const assessment of mismatches.slice(0, 1)) {
      expect(comparable(scoreAssessment(assessment).result)).toEqual(
        comparable(oracleScore(assessment).result),
      );
      expect(entryIssues(scoreAssessment(assessment).issues)).toEqual(
        entryIssues(oracleScore(assessment).entryIssues),
      );
    }
    expect(mismatches).toHaveLength(0);
  });

  it("checks single entries as the oracle does, percentages kept exact", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Step>(...RULES.steps),
        fc.oneof(
          fc.double({ min: -200, max: 200 }),
          fc.integer({ min: -200, max: 200 }),
          fc.integer().map((k) => k / 100),
        ),
        (step, value) => {
          const engine = checkEntry(value, step);
          const oracle = oracleCheckEntry(value, step);
          if (oracle.ok) expect(engine).toEqual({ ok: true, percent: Number(oracle.percent.toString()) });
          else expect(engine).toEqual(oracle);
        },
      ),
      { numRuns: 20_000, seed: 20261202 },
    );
  });

  it("every step is a whole percentage, so valid entries are whole numbers", () => {
    for (const step of RULES.steps) expect(Number.isInteger(step)).toBe(true);
  });
});
