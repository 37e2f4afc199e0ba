/**
 * The assessments the workbook's formulas are proven on: the boundary cases of the worked examples,
 * deterministic random assessments steered over every grade band, incomplete ones and ones with
 * invalid entries. A random case is a pure function of its seed, so a mismatch reported as
 * "random#17 seed 20250118" is rebuilt with `randomCase(20250118, 17)`.
 */
import type { Assessment, Bonus, Deduction, Evaluator, FollowUp } from "../../src/assessment/schema";
import { scoreAssessment, type AssessmentResult } from "../../src/core/score";
import { ITEMS, SECONDARY_INDICATORS, type Lang } from "../../src/spec";
import type { Step } from "../../src/spec/rules";
import { assessmentWith } from "../helpers/builders";

export interface ProofCase {
  id: string;
  lang: Lang;
  assessment: Assessment;
  /** Random cases: the seed that rebuilds the case with randomCase(seed, index). */
  seed?: number;
}

/** The grade bands a sample must cover: fail has two ways in. */
export const BANDS = [
  "fail-score",
  "fail-deductions",
  "qualified",
  "three-star",
  "four-star",
  "five-star",
] as const;
export type GradeBand = (typeof BANDS)[number];

export function bandOf(result: AssessmentResult): GradeBand {
  if (result.reasons.some((r) => r.code === "below-pass-mark")) return "fail-score";
  if (result.reasons.some((r) => r.code === "too-many-deductions")) return "fail-deductions";
  return result.grade as Exclude<GradeBand, "fail-score" | "fail-deductions">;
}

/** Text a spreadsheet could take for a formula: it must stay text everywhere. */
export const HOSTILE_TEXT = ["=1+1", '=HYPERLINK("http://example.com","x")', "+86 10 1234", "-5", "@SUM(A1)"];

export const EXCLUDABLE_INDICATORS = SECONDARY_INDICATORS.filter((i) => i.excludable).map((i) => i.id);
const B_CODES = ITEMS.filter((i) => i.code.startsWith("B")).map((i) => i.code);
const ALL_SIX = Object.fromEntries(EXCLUDABLE_INDICATORS.map((id) => [id, "不适用"]));

// ---------------------------------------------------------------------------------------------------
// The worked examples' boundary cases (test/core/worked-examples.test.ts), in zh and en alternately.

function worked(): [string, Assessment][] {
  const at79 = (base: number) =>
    assessmentWith({ step: 1, fill: (code) => (code === "B1" ? base - 1 : base) });
  return [
    ["all at 80", assessmentWith({ fill: () => 80 })],
    [
      "exclude B10, B11 at 100, rest 70",
      assessmentWith({
        fill: (code) => (code === "B11" ? 100 : code === "B10" ? null : 70),
        exclusions: { B10: "无配送业务" },
      }),
    ],
    [
      "exclude indicator 5.2.3, 5.2.4 at 100, rest 60",
      assessmentWith({
        fill: (code) => (["B10", "B11"].includes(code) ? null : /^B1[2-7]$/.test(code) ? 100 : 60),
        exclusions: { "5.2.3": "不涉及配送" },
      }),
    ],
    [
      "exclude all of 5.2.1–5.2.6, C7 at 100, rest 80",
      assessmentWith({
        fill: (code) => (code.startsWith("B") ? null : code === "C7" ? 100 : 80),
        exclusions: ALL_SIX,
      }),
    ],
    [
      "blanks in the mean",
      assessmentWith({ evaluators: 2, fill: (code, e) => (e === 0 ? 80 : code === "C4" ? 40 : null) }),
    ],
    ["4 deductions at 100: 96 five-star", assessmentWith({ fill: () => 100, deductions: 4 })],
    ["5 deductions at 100: 95 fail", assessmentWith({ fill: () => 100, deductions: 5 })],
    ["60 with 5 deductions: both fail reasons", assessmentWith({ fill: () => 60, deductions: 5 })],
    ["bonus over 100 capped at 100", assessmentWith({ fill: () => 100, bonus: [1] })],
    ["69 without bonus", assessmentWith({ step: 1, fill: () => 69 })],
    ["bonus lifts 69 to 70", assessmentWith({ step: 1, fill: () => 69, bonus: [0.5, 0.5] })],
    ["exactly 70", assessmentWith({ fill: () => 70 })],
    [
      "69.995 through the mean rounds to 70.00",
      assessmentWith({
        evaluators: 2,
        step: 1,
        fill: (code, e) => (e === 0 ? 70 : code === "B1" ? 69 : null),
      }),
    ],
    [
      "69.995 as 70 − 1 + 0.995 rounds to 70.00",
      assessmentWith({ fill: () => 70, deductions: 1, bonus: [0.995] }),
    ],
    [
      "69.985 rounds to 69.99",
      assessmentWith({
        evaluators: 2,
        step: 1,
        fill: (code, e) => (e === 0 ? (code === "B1" ? 67 : 70) : code === "B1" ? 70 : null),
      }),
    ],
    ["79.99 qualified", at79(80)],
    ["94.99 four-star", at79(95)],
    ["exactly 95 five-star", assessmentWith({ fill: () => 95 })],
    ["exactly 90 four-star", assessmentWith({ fill: () => 90 })],
    ["89.99 three-star", assessmentWith({ step: 1, fill: (code) => (code === "B1" ? 89 : 90) })],
    ["thirds: 80, 85, 85", assessmentWith({ evaluators: 3, fill: (_, e) => (e === 0 ? 80 : 85) })],
    ["C7 unscored: incomplete", assessmentWith({ fill: (code) => (code === "C7" ? null : 100) })],
    [
      "bonus over the cap with 1 deduction",
      assessmentWith({ fill: () => 75, deductions: 1, bonus: [0.75, 0.5, -0.25, 0] }),
    ],
    ["all at 0", assessmentWith({ fill: () => 0 })],
    ["all at 0 with 6 deductions: clamped at 0", assessmentWith({ fill: () => 0, deductions: 6 })],
  ];
}

export function workedCases(): ProofCase[] {
  return worked().map(([name, assessment], i) => ({
    id: `worked: ${name}`,
    lang: i % 2 === 0 ? "zh" : "en",
    // With the Plan sheet, every target blank: its projection must be the result at every boundary.
    assessment: { ...assessment, planTargets: {} },
  }));
}

// ---------------------------------------------------------------------------------------------------
// Seeded random assessments.

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Draw {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)]!;
  }
  subset<T>(values: readonly T[], size: number): T[] {
    const pool = [...values];
    const out: T[] = [];
    while (out.length < size && pool.length)
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

/** Final score ranges aimed at for each band (before the noise of the entries). */
const TARGETS: Record<GradeBand, [number, number]> = {
  "fail-score": [35, 69.5],
  "fail-deductions": [70, 100],
  qualified: [70.5, 79.5],
  "three-star": [80.5, 89.5],
  "four-star": [90.3, 94.7],
  "five-star": [95.5, 100],
};

const NAMES = ["张三", "李四", "王五", "Alice Chen", "", ...HOSTILE_TEXT];
const REASONS = ["不适用", "无配送业务", "No delivery", "", ...HOSTILE_TEXT];
const BONUS_POINTS = [0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 0.75, 0.995, 1, 1.5];
const CATEGORIES: Deduction["category"][] = ["law", "policy", "industry", "system"];

/**
 * One random assessment. The case's target band (index mod 6) fixes the deductions and a target final
 * score; the entries are drawn around the percentage that reaches it, with noise, evaluator bias,
 * blanks, exclusions (single B items, whole indicators, all six), conflicts and text that looks like
 * a formula.
 */
export function randomCase(seed: number, index: number): ProofCase {
  const d = new Draw(prng(seed));
  const target = BANDS[index % BANDS.length]!;
  const lang: Lang = index % 2 === 0 ? "zh" : "en";
  const step = d.pick<Step>([1, 5, 10]);
  const n = d.chance(0.35) ? d.int(1, 3) : d.chance(0.5) ? d.int(4, 10) : d.int(11, 30);
  const evaluators: Evaluator[] = Array.from({ length: n }, (_, k) => ({
    name: d.chance(0.7) ? `${d.pick(NAMES)}${d.chance(0.5) ? "" : ` ${k + 1}`}` : d.pick(NAMES),
    kind: d.chance(0.6) ? "auditor" : "visit",
  }));

  // Exclusions.
  const exclusions: Record<string, string> = {};
  const mode = d.next();
  if (mode < 0.3) {
    // none
  } else if (mode < 0.55) {
    for (const code of d.subset(B_CODES, d.int(1, 4))) exclusions[code] = d.pick(REASONS);
  } else if (mode < 0.75) {
    for (const id of d.subset(EXCLUDABLE_INDICATORS, d.int(1, 3))) exclusions[id] = d.pick(REASONS);
  } else if (mode < 0.88) {
    for (const id of EXCLUDABLE_INDICATORS) exclusions[id] = d.pick(REASONS);
  } else {
    exclusions[d.pick(EXCLUDABLE_INDICATORS)] = d.pick(REASONS);
    for (const code of d.subset(B_CODES, d.int(1, 3))) exclusions[code] = d.pick(REASONS);
  }
  // Now and then an exclusion the rules refuse: the engine reports and ignores it, so must the sheet.
  if (d.chance(0.1)) exclusions[d.pick(["C3", "A11", "5.3.1", "5.1.4", "Z9"])] = d.pick(REASONS);
  const excluded = new Set(
    Object.keys(exclusions).flatMap((key) =>
      B_CODES.includes(key)
        ? [key]
        : EXCLUDABLE_INDICATORS.includes(key)
          ? ITEMS.filter((i) => i.indicator === key).map((i) => i.code)
          : [],
    ),
  );
  const conflicts = d.chance(0.08);

  // Special items.
  const deductionCount = target === "fail-deductions" ? d.int(5, 6) : d.chance(0.5) ? 0 : d.int(1, 4);
  const deductions: Deduction[] = Array.from({ length: deductionCount }, (_, i) => ({
    category: d.pick(CATEGORIES),
    description: d.chance(0.1) ? "" : d.chance(0.3) ? d.pick(HOSTILE_TEXT) : `问题 ${i + 1}`,
    ...(d.chance(0.5) && { item: d.pick(ITEMS).code }),
    ...(d.chance(0.8) && { rectification: d.chance(0.2) ? d.pick(HOSTILE_TEXT) : "限期整改" }),
    ...(d.chance(0.3) && { evidence: d.pick(["照片", ...HOSTILE_TEXT]) }),
    ...(d.chance(0.3) && { status: d.pick(["open", "closed"] as const) }),
  }));
  const bonus: Bonus[] = d.chance(0.45)
    ? []
    : Array.from({ length: d.int(1, 3) }, () => ({
        points: d.chance(0.1) ? d.pick([0, -0.5]) : d.pick(BONUS_POINTS),
        reason: d.chance(0.2) ? d.pick(HOSTILE_TEXT) : "行业领先",
      }));
  const claimed = bonus.filter((b) => b.points > 0).reduce((acc, b) => acc + b.points, 0);

  // Entries around the percentage that reaches the target final score.
  const [low, high] = TARGETS[target];
  const aim = d.real(low, high) + deductionCount - Math.min(claimed, 1);
  const center = Math.max(0, Math.min(100, aim));
  const spread = d.pick([0, 2, 5, 10, 15]) * (target === "five-star" || target === "four-star" ? 0.4 : 1);
  const blankRate = d.pick([0, 0.05, 0.2, 0.4]);
  const bias = evaluators.map(() => (d.chance(0.1) ? d.pick([-25, 25]) : d.real(-3, 3)));
  const idle = n > 2 && d.chance(0.08) ? d.int(0, n - 1) : -1;
  const snap = (x: number) => Math.max(0, Math.min(100, Math.round(x / step) * step));
  const scores: Record<string, (number | null)[]> = {};
  for (const item of ITEMS) {
    const skip = excluded.has(item.code) && !conflicts;
    const row = evaluators.map((_, k) =>
      skip || k === idle || d.chance(blankRate) ? null : snap(center + bias[k]! + d.real(-spread, spread)),
    );
    if (!excluded.has(item.code) && !row.some((v) => v !== null)) {
      const k = idle === 0 && n > 1 ? 1 : idle === -1 ? d.int(0, n - 1) : (idle + 1) % n;
      row[k] = snap(center);
    }
    scores[item.code] = row;
  }
  const notes = Object.fromEntries(
    d.subset(ITEMS, d.int(0, 3)).map((item) => [item.code, d.pick(["见附件", ...HOSTILE_TEXT])]),
  );

  const assessment: Assessment = {
    format: "starscore.assessment/1",
    organization: d.chance(0.2) ? d.pick(HOSTILE_TEXT) : "某某电器有限公司",
    type: d.pick(["initial", "recertification", "surveillance"] as const),
    step,
    ...(d.chance(0.5) && { dates: { start: "2025-03-01", end: "2025-03-05" } }),
    evaluators,
    scores,
    ...(Object.keys(notes).length && { notes }),
    ...(Object.keys(exclusions).length && { exclusions }),
    ...(deductions.length && { deductions }),
    ...(bonus.length && { bonus }),
  };
  return {
    id: `random#${index} seed ${seed} (target ${target})`,
    lang,
    seed,
    assessment: { ...assessment, ...planAndFollowUp(new Draw(prng(seed * 13 + 5)), excluded) },
  };
}

/** How a random case has the Plan sheet (issue 14): PLAN_MODES[i] is what planMode tells apart. */
export const PLAN_MODES = ["none", "self-assessment", "blank targets", "targets"] as const;
export type PlanMode = (typeof PLAN_MODES)[number];

export function planMode(a: Assessment): PlanMode {
  if (a.planTargets && Object.keys(a.planTargets).length > 0) return "targets";
  if (a.planTargets) return "blank targets";
  return a.purpose === "self-assessment" ? "self-assessment" : "none";
}

/**
 * The Plan sheet and the last audit's follow-up, drawn apart from the rest of the case (its own
 * generator), so the assessments the proof has always had stay as they were: no Plan sheet; a
 * self-assessment's (every target blank); a certification's kept with blank targets; random targets
 * (whole and fractional, some out of range, some on excluded items, which count as no target).
 */
function planAndFollowUp(d: Draw, excluded: ReadonlySet<string>): Partial<Assessment> {
  const mode = d.pick(PLAN_MODES);
  const targets: Record<string, number> = {};
  if (mode === "targets") {
    for (const item of d.subset(ITEMS, d.int(1, ITEMS.length))) {
      targets[item.code] = d.chance(0.1)
        ? d.pick([-5, 100.5, 150])
        : d.chance(0.2)
          ? Math.round(d.real(0, 100) * 100) / 100
          : d.pick([0, 20, 40, 60, 80, 100, d.int(0, 100)]);
    }
    const [first] = [...excluded];
    if (first !== undefined && d.chance(0.5)) targets[first] = 100;
  }
  const followUp: FollowUp[] = d.chance(0.5)
    ? []
    : Array.from({ length: d.int(1, 7) }, (_, i) => ({
        category: d.pick(CATEGORIES),
        description: d.chance(0.2) ? d.pick(HOSTILE_TEXT) : `上次问题 ${i + 1}`,
        ...(d.chance(0.5) && { rectification: "限期整改" }),
        ...(d.chance(0.7) && { outcome: d.pick(["verified", "not-verified"] as const) }),
        ...(d.chance(0.2) && { note: d.pick(HOSTILE_TEXT) }),
      }));
  return {
    ...(mode === "self-assessment" && { purpose: "self-assessment" as const }),
    ...((mode === "blank targets" || mode === "targets") && { planTargets: targets }),
    ...(followUp.length > 0 && { followUp }),
  };
}

export function randomCases(baseSeed: number, count: number): ProofCase[] {
  return Array.from({ length: count }, (_, i) => randomCase(baseSeed + i, i));
}

// ---------------------------------------------------------------------------------------------------
// Incomplete assessments and invalid entries.

/** A base random case with some of its applicable items left unscored by everyone. */
export function incompleteCases(baseSeed: number): ProofCase[] {
  return Array.from({ length: 4 }, (_, i) => {
    const seed = baseSeed + 1000 + i;
    const base = randomCase(seed, i + 2);
    const d = new Draw(prng(seed * 7 + 1));
    const scores = { ...base.assessment.scores };
    const applicable = scoreAssessment(base.assessment)
      .result.items.filter((it) => !it.excluded)
      .map((it) => it.code);
    const blank = d.subset(applicable, d.int(1, 5));
    for (const code of blank) scores[code] = scores[code]!.map(() => null);
    return {
      ...base,
      id: `incomplete#${i} seed ${seed} (unscored ${blank.join(", ")})`,
      assessment: { ...base.assessment, scores },
    };
  });
}

/**
 * Entries the rules refuse: off the step, outside 0–100, a fraction typed for a percentage. The
 * engine leaves them out of the mean; so must the formulas. The last case has an item whose only
 * entries are invalid, so it is also incomplete.
 */
export function invalidCases(): ProofCase[] {
  const bad: [string, Step, number[]][] = [
    ["off the step 5", 5, [73, 12, 99, 1]],
    ["off the step 10", 10, [15, 85, 5, 99]],
    ["off the step 1", 1, [12.5, 70.25, 99.9, 0.5]],
    ["out of range", 5, [-5, 105, 150, 1000, -100, 1e20, -1e20, 1e300]],
    ["fractions typed for percentages", 5, [0.8, 0.75, 0.05, 0.6]],
    ["a mix on step 1", 1, [0.8, 101, -1, 33.3, 100.5]],
  ];
  const cases = bad.map(([name, step, values], i): ProofCase => {
    let v = 0;
    const assessment = assessmentWith({
      evaluators: 3,
      step,
      // Evaluator 2 types an invalid value into every fourth item; the others score validly.
      fill: (code, e) => {
        const index = ITEMS.findIndex((it) => it.code === code);
        if (e === 2 && index % 4 === i % 4) return values[v++ % values.length]!;
        return e === 0 ? 80 : e === 1 ? 90 : 70;
      },
      deductions: i % 3,
      bonus: i % 2 ? [0.5] : undefined,
      exclusions: i === 3 ? { "5.2.2": "不适用" } : undefined,
    });
    return { id: `invalid: ${name}`, lang: i % 2 ? "en" : "zh", assessment };
  });
  const onlyInvalid = assessmentWith({
    evaluators: 2,
    fill: (code, e) => (code === "C4" ? (e === 0 ? 0.8 : 103) : code === "A11" && e === 1 ? 72 : 85),
  });
  cases.push({ id: "invalid: only invalid entries on C4 (incomplete)", lang: "zh", assessment: onlyInvalid });
  return cases;
}

// ---------------------------------------------------------------------------------------------------
// Agreement between evaluators (src/core/agreement.ts) at Appendix C's band boundaries.

/**
 * Entries on either side of every band boundary (20 and 19, 40 and 39, …, 80, 100), so that each
 * spread from 0 to 4 bands and the boundary rule (the higher band; 100 in band 5) are recalculated;
 * an excluded item with entries (no agreement), an item with one entry (no spread), one nobody
 * scored, invalid entries (left out) and a visit with no entry at all (no mean, team or bias).
 */
export function agreementCases(): ProofCase[] {
  const rows: Record<string, (number | null)[]> = {
    B1: [20, 59, null, null],
    B2: [19, 40, 39, null],
    B3: [0, 100, 50, null],
    B4: [80, 100, 99, null],
    B5: [39, 80, null, null],
    B6: [null, 70, null, null],
    B7: [null, null, null, null],
    B8: [10, 90, null, null],
    B9: [79, 60, 61, null],
    C1: [0.8, 101, 85, null],
    C2: [-1, 35, 36, null],
  };
  const boundaries = assessmentWith({
    evaluators: [
      { name: "张三", kind: "auditor" },
      { name: "李四", kind: "auditor" },
      { name: "暗访 1", kind: "visit" },
      { name: "暗访 2", kind: "visit" },
    ],
    step: 1,
    fill: (code, e) => (code in rows ? rows[code]![e]! : e === 3 ? null : 70 + 5 * e),
    exclusions: { B8: "不适用" },
  });
  const spread = assessmentWith({
    evaluators: 3,
    step: 10,
    // Every pair of bands: the three evaluators cycle through 0–100 at different speeds.
    fill: (code, e) => {
      const i = ITEMS.findIndex((it) => it.code === code);
      return ((i * (e + 1) * 3) % 11) * 10;
    },
  });
  return [
    { id: "agreement: band boundaries", lang: "zh", assessment: boundaries },
    { id: "agreement: every spread", lang: "en", assessment: spread },
  ];
}

/** The largest team the layout allows: 200 evaluators. */
export function maxEvaluatorsCase(): ProofCase {
  const d = new Draw(prng(200));
  return {
    id: "200 evaluators",
    lang: "en",
    assessment: assessmentWith({
      evaluators: 200,
      step: 10,
      fill: () => (d.chance(0.3) ? null : d.int(6, 10) * 10),
      deductions: 1,
      bonus: [0.25],
      exclusions: { "5.2.6": "不适用", B2: "不适用" },
    }),
  };
}

// ---------------------------------------------------------------------------------------------------
// Edge cases: valid assessments whose exact final score lies within 5e-10 below a rounding boundary,
// and entries with more digits than a cell holds. Engine and sheet once disagreed on them; both now
// round to 9 decimals before 2 and read entries to 15 significant digits, and must agree.

/**
 * 29 evaluators on step 1, no bonus, no typed decimals: six 1-point items scored by 29, 27, 25, 23,
 * 19 and 17 evaluators (pairwise coprime counts, lcm 145 422 675) whose means' fractions add up to
 * 0.5 − 1/290 845 350. Exact final 69.99499999996561…: the engine says 69.99 不合格, the sheet 70.00.
 */
export function nearBoundaryByMeans(): Assessment {
  const plan: Record<string, [count: number, residue: number]> = {
    B1: [29, 25],
    B3: [27, 11],
    B4: [25, 16],
    B5: [23, 17],
    B10: [19, 5],
    B12: [17, 10],
  };
  return assessmentWith({
    evaluators: 29,
    step: 1,
    fill: (code, e) => {
      const p = plan[code];
      if (p) return e < p[0] ? (e === 0 ? 70 + p[1] : 70) : null;
      if (e > 0) return null;
      return code === "C8" ? 66 : 70;
    },
  });
}

/** One evaluator at 70, one deduction, a bonus of 0.99499999999: exact final 69.99499999999. */
export function nearBoundaryByBonus(): Assessment {
  return assessmentWith({ fill: () => 70, deductions: 1, bonus: [0.99499999999] });
}

/**
 * Entries a hair off a valid value, which only the assessment file (JSON) can carry: a spreadsheet
 * keeps 15 significant digits of what is typed. The engine reads 70.00000000000001 exactly and finds
 * it off the step, and 100.00000000000001 out of range; LibreOffice's MOD and <= compare within
 * ~1e-15 relative and take both as valid entries.
 */
export function entriesAHairOff(): Assessment {
  return assessmentWith({
    evaluators: 2,
    fill: (code, e) =>
      e === 1 ? null : code === "B1" ? 70.00000000000001 : code === "C7" ? 100.00000000000001 : 80,
  });
}

/**
 * The assessment as an engine that takes entries at full precision sees it: the entries a cell
 * could not be typed with (more than 15 significant digits) that are then off the step or out of
 * range left out, as that engine's valid-entry cells leave them out.
 */
export function atFullPrecision(assessment: Assessment): Assessment {
  const hairOff = (v: number | null) =>
    v !== null && Number(v.toPrecision(15)) !== v && (v % assessment.step !== 0 || v < 0 || v > 100);
  const scores = Object.fromEntries(
    Object.entries(assessment.scores).map(([code, row]) => [code, row.map((v) => (hairOff(v) ? null : v))]),
  );
  return { ...assessment, scores };
}

export type Divergence = "rounding" | "entry-precision";

export function knownDivergenceCases(): (ProofCase & { divergence: Divergence })[] {
  return [
    {
      id: "known divergence: means 3.4e-11 below 69.995",
      lang: "zh",
      assessment: nearBoundaryByMeans(),
      divergence: "rounding",
    },
    {
      id: "known divergence: bonus 0.99499999999",
      lang: "en",
      assessment: nearBoundaryByBonus(),
      divergence: "rounding",
    },
    {
      id: "known divergence: entries 70.00000000000001 and 100.00000000000001",
      lang: "zh",
      assessment: entriesAHairOff(),
      divergence: "entry-precision",
    },
  ];
}
