/**
 * The sample the engine proofs (proof.ts) recalculate: it must reach what it claims to reach, or
 * the proofs prove less than they say. Pure: no engine here.
 */
import { exact } from "../../src/core/exact";
import { BASE_SEED, proofSample } from "./proof";
import {
  BANDS,
  bandOf,
  EXCLUDABLE_INDICATORS,
  PLAN_MODES,
  planMode,
  randomCases,
  type GradeBand,
} from "./proof-cases";
import { projectTargets } from "../../src/core/projection";

const { randoms, cases, divergent } = proofSample();

describe("the sample", () => {
  it("has at least 200 random assessments with 1–30 evaluators, all steps, zh and en", () => {
    expect(randoms.length).toBeGreaterThanOrEqual(200);
    const sizes = randoms.map((c) => c.assessment.evaluators.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(30);
    expect(sizes.filter((n) => n >= 20).length).toBeGreaterThan(10);
    expect(new Set(randoms.map((c) => c.assessment.step))).toEqual(new Set([1, 5, 10]));
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(["zh", "en"]));
    expect(new Set(randoms.map((c) => c.assessment.evaluators.map((e) => e.kind)).flat())).toEqual(
      new Set(["auditor", "visit"]),
    );
  });

  it("covers every grade band", () => {
    const count = (band: GradeBand) => randoms.filter((c) => bandOf(c.scoring.result) === band).length;
    const counts = Object.fromEntries(BANDS.map((band) => [band, count(band)]));
    const thin = BANDS.filter((band) => counts[band]! < 15);
    expect({ counts, thin }).toEqual({ counts, thin: [] });
  });

  it("has blanks, exclusions of single items, of indicators and of all six, 0–6 deductions, bonus over the cap", () => {
    const a = randoms.map((c) => c.assessment);
    const keys = (x: (typeof a)[number]) => Object.keys(x.exclusions ?? {});
    expect(a.some((x) => Object.values(x.scores).some((row) => row.includes(null)))).toBe(true);
    expect(a.filter((x) => keys(x).some((k) => /^B\d+$/.test(k))).length).toBeGreaterThan(20);
    expect(a.filter((x) => keys(x).some((k) => EXCLUDABLE_INDICATORS.includes(k))).length).toBeGreaterThan(
      20,
    );
    expect(a.filter((x) => EXCLUDABLE_INDICATORS.every((k) => keys(x).includes(k))).length).toBeGreaterThan(
      5,
    );
    expect(new Set(a.map((x) => x.deductions?.length ?? 0))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    const claimed = (x: (typeof a)[number]) =>
      (x.bonus ?? []).filter((b) => b.points > 0).reduce((s, b) => s + b.points, 0);
    expect(a.filter((x) => claimed(x) > 1).length).toBeGreaterThan(5);
    expect(a.filter((x) => claimed(x) > 0 && claimed(x) <= 1).length).toBeGreaterThan(5);
  });

  it("has the Plan sheet in every way (none, a self-assessment's, blank targets, targets) and follow-ups", () => {
    const counts = Object.fromEntries(
      PLAN_MODES.map((mode) => [mode, randoms.filter((c) => planMode(c.assessment) === mode).length]),
    );
    const thin = PLAN_MODES.filter((mode) => counts[mode]! < 30);
    expect({ counts, thin }).toEqual({ counts, thin: [] });
    // Targets that change the grade, targets that do not count, and a projection below the result.
    const targeted = randoms.filter((c) => planMode(c.assessment) === "targets");
    const projected = targeted.map((c) => ({ c, p: projectTargets(c.scoring, c.assessment.planTargets) }));
    expect(projected.filter(({ c, p }) => p.grade !== c.scoring.result.grade).length).toBeGreaterThan(10);
    expect(projected.filter(({ p }) => p.finalScore.compare(0) > 0).length).toBeGreaterThan(10);
    expect(
      projected.filter(({ c }) => c.scoring.issues.some((i) => i.code.startsWith("plan-target"))).length,
    ).toBeGreaterThan(5);
    const outcomes = new Set(
      randoms.flatMap((c) => (c.assessment.followUp ?? []).map((f) => f.outcome ?? "none")),
    );
    expect(outcomes).toEqual(new Set(["verified", "not-verified", "none"]));
  });

  it("has incomplete assessments and invalid entries the engine ignores", () => {
    expect(cases.filter((c) => !c.scoring.result.complete).length).toBeGreaterThanOrEqual(5);
    const invalid = cases.filter((c) =>
      c.scoring.issues.some((i) =>
        ["entry-off-step", "entry-out-of-range", "entry-looks-like-fraction"].includes(i.code),
      ),
    );
    expect(invalid.length).toBeGreaterThanOrEqual(6);
    for (const code of ["entry-off-step", "entry-out-of-range", "entry-looks-like-fraction"]) {
      expect(cases.some((c) => c.scoring.issues.some((i) => i.code === code))).toBe(true);
    }
  });

  it("has evaluators with no applicable item scored and with every one, for coverage 0 and 1", () => {
    const coverages = cases.flatMap((c) => c.scoring.result.evaluators.map((e) => e.coverage?.valueOf()));
    expect(coverages).toContain(0);
    expect(coverages).toContain(1);
    expect(coverages.some((x) => x !== undefined && x > 0 && x < 1)).toBe(true);
  });

  it("has agreement at every spread from 0 to 4 bands, on both sides of each boundary, and evaluators without entries", () => {
    const items = cases.flatMap((c) => c.agreement.items);
    expect(new Set(items.filter((i) => i.entries > 1).map((i) => i.spreadBands))).toEqual(
      new Set([0, 1, 2, 3, 4]),
    );
    const entries = new Set(items.flatMap((i) => [i.min?.valueOf(), i.max?.valueOf()]));
    for (const boundary of [20, 40, 60, 80]) {
      expect([boundary - 1, boundary].filter((p) => entries.has(p))).toEqual([boundary - 1, boundary]);
    }
    expect(entries).toContain(100);
    expect(cases.some((c) => c.agreement.evaluators.some((e) => e.mean === null))).toBe(true);
  });

  it("reproduces a random case from its seed", () => {
    const again = randomCases(BASE_SEED, 3);
    expect(again.map((c) => c.assessment)).toEqual(randoms.slice(0, 3).map((c) => c.assessment));
  });
});

// Cases at the edge of what doubles can tell apart (each proof recalculates them too):
// 1. An exact final score less than 5e-10 below a rounding boundary: both round half-up to 9
//    decimals first (RULES.snapDecimals), so both count it as on the boundary.
// 2. Entries with 16–17 significant digits (possible only in a JSON file): both read them to the
//    15 digits a cell holds (RULES.entryDigits), so 70.00000000000001 is the valid entry 70.
describe("edge cases of double precision", () => {
  it("rounding: the exact final score lies within 5e-10 below a rounding boundary, and rounds up", () => {
    const rounding = divergent.filter((d) => d.divergence === "rounding");
    expect(rounding.length).toBeGreaterThan(0);
    for (const { id, scoring } of rounding) {
      const r = scoring.result;
      const hundredths = r.scaledScore.sub(r.deductionPoints).add(r.bonus).mul(100);
      // How far below the next half-hundredth the exact final score is, in points.
      const below = hundredths.floor().add(exact("0.5")).sub(hundredths).div(100);
      expect({ id, positive: below.compare(0) > 0, small: below.compare(exact("0.0000000005")) < 0 }).toEqual(
        {
          id,
          positive: true,
          small: true,
        },
      );
      expect({ id, final: r.finalScore.toString() }).toEqual({ id, final: "70" });
    }
  });

  it("entry precision: the engine reads the entries as a cell stores them, valid", () => {
    const codes = divergent
      .filter((d) => d.divergence === "entry-precision")
      .flatMap((d) => d.scoring.issues.map((i) => i.code));
    expect(codes.filter((code) => code.startsWith("entry-"))).toEqual([]);
  });
});
