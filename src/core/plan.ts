import { GRADES, itemPlace } from "../spec";
import { RULES } from "../spec/rules";
import type { GradeId } from "../spec/types";
import { exact, sum, toNumber, ZERO, type Exact } from "./exact";
import { gradeFor } from "./grade";
import { currentPercentOf } from "./projection";
import { finalScoreOf, type Scoring } from "./score";

/**
 * The gap to a target grade (issue 14): the fewest raises that take the final score to the target's
 * threshold. A raise lifts one applicable item's mean attainment by one Appendix C band width
 * (RAISE_PERCENT), capped at 100; an item may be raised more than once. Deductions and bonus stay as
 * they are; items nobody scored count as 0 %.
 *
 * Why taking the largest gains first is the smallest plan: a raise's gain is what it adds to the
 * scaled score, points × (percentage points added) ÷ applicable total. An item's successive raises
 * gain 20, 20, … and then what is left to 100, never more than the one before, so the n largest
 * gains over all items are always n raises some plan can make (each item's first raises before its
 * later ones), and no n raises gain more. The final score only grows with the gain, so the smallest
 * plan is the smallest n whose n largest gains reach the threshold; among the plans of that size it
 * is the one that gains most, ties going to catalogue order. test/core/plan.test.ts holds it to a
 * brute-force search on small cases.
 */
export type PlanTarget = Exclude<GradeId, "fail">;

/** Lowest grade first: the order `--target` lists them and the default target climbs. */
export const PLAN_TARGETS: readonly PlanTarget[] = ["qualified", "three-star", "four-star", "five-star"];

/** One Appendix C band width, in percentage points. */
export const RAISE_PERCENT = 20;

export type PlanReason = "deductions" | "ceiling";

export interface PlanRaise {
  code: string;
  fromPercent: number;
  toPercent: number;
  /** How many raises of this item. */
  steps: number;
  /** What they add to the scaled score. */
  gain: number;
}

export interface PlanHeadroom {
  code: string;
  /** The item's mean attainment now (%). */
  percent: number;
  points: number;
  /** What taking the item to 100 % would add to the scaled score. */
  headroom: number;
}

/** The plan as `starscore plan --json` prints it: numbers to 2 decimals. */
export interface PlanJson {
  target: PlanTarget;
  threshold: number;
  current: { finalScore: number; grade: GradeId };
  /** The target grade is reached already (its threshold, and fewer than 5 deductions). */
  reached: boolean;
  reachable: boolean;
  reason: PlanReason | null;
  /** With reason "deductions": how many special deductions must be cleared; else 0. */
  deductionsToClear: number;
  /** Threshold − current final score, at least 0. */
  pointsNeeded: number;
  /** Per item, largest gain first; with reason "ceiling", every raise there is. */
  raises: PlanRaise[];
  steps: number;
  projected: { finalScore: number; grade: GradeId };
  /** Every applicable item, largest headroom first. */
  headroom: PlanHeadroom[];
}

const places = RULES.decimals;
const n2 = (value: Exact) => toNumber(value, places);

/** The threshold (lowest final score) of a target grade. */
export function thresholdOf(target: PlanTarget): number {
  return GRADES.find((g) => g.id === target)!.min!;
}

/** The grade above `grade`, the default target; undefined above five-star. */
export function nextGrade(grade: GradeId): PlanTarget | undefined {
  if (grade === "fail") return PLAN_TARGETS[0];
  return PLAN_TARGETS[PLAN_TARGETS.indexOf(grade) + 1];
}

/** One raise of one item, as a candidate for the plan. */
interface Raise {
  code: string;
  /** The item's position in the catalogue, for ties. */
  order: number;
  /** 1 for the item's first raise, 2 for its second, … */
  nth: number;
  gain: Exact;
}

/**
 * The plan to `target` (default: the grade above the current one; five-star when there is none).
 * `threshold` is the target's own unless given: a consultant's aim between grades (92, say) is planned
 * the same way.
 */
export function planFor(
  scoring: Scoring,
  target: PlanTarget = nextGrade(scoring.result.grade) ?? "five-star",
  threshold: number = thresholdOf(target),
): PlanJson {
  const { result } = scoring;
  const applicable = result.items.filter((i) => !i.excluded);
  const total = result.applicableTotal;
  const atGain = (gain: Exact) =>
    finalScoreOf(result.scaledScore.add(gain), result.deductionPoints, result.bonus);
  const current = { finalScore: n2(result.finalScore), grade: result.grade };

  const headroom = applicable
    .map((item) => {
      const percent = currentPercentOf(item)!;
      return { item, percent, headroom: item.points.mul(exact(RULES.maxPercent).sub(percent)).div(total) };
    })
    .sort((a, b) => b.headroom.compare(a.headroom) || itemPlace(a.item.code)! - itemPlace(b.item.code)!)
    .map(({ item, percent, headroom }) => ({
      code: item.code,
      percent: n2(percent),
      points: n2(item.points),
      headroom: n2(headroom),
    }));

  const candidates: Raise[] = applicable.flatMap((item) => {
    const out: Raise[] = [];
    let percent = currentPercentOf(item)!;
    for (let nth = 1; percent.compare(RULES.maxPercent) < 0; nth++) {
      const next = upTo100(percent.add(RAISE_PERCENT));
      const gain = item.points.mul(next.sub(percent)).div(total);
      out.push({ code: item.code, order: itemPlace(item.code)!, nth, gain });
      percent = next;
    }
    return out;
  });
  candidates.sort((a, b) => b.gain.compare(a.gain) || a.order - b.order || a.nth - b.nth);

  const failAt = RULES.failAtDeductions;
  const reached = result.passed && result.finalScore.compare(threshold) >= 0;
  const pointsNeeded = n2(reached ? ZERO : maxZero(exact(threshold).sub(result.finalScore)));
  // In the order of issue 14's JSON.
  const json = (
    rest: Omit<PlanJson, "target" | "threshold" | "current" | "reached" | "headroom">,
  ): PlanJson => ({
    target,
    threshold,
    current,
    reached,
    reachable: rest.reachable,
    reason: rest.reason,
    deductionsToClear: rest.deductionsToClear,
    pointsNeeded: rest.pointsNeeded,
    raises: rest.raises,
    steps: rest.steps,
    projected: rest.projected,
    headroom,
  });
  const none = { pointsNeeded, raises: [], steps: 0, projected: current };
  if (reached) return json({ reachable: true, reason: null, deductionsToClear: 0, ...none });
  if (result.deductionCount >= failAt) {
    const deductionsToClear = result.deductionCount - (failAt - 1);
    return json({ reachable: false, reason: "deductions", deductionsToClear, ...none });
  }

  let gain = ZERO;
  let taken = 0;
  while (taken < candidates.length && atGain(gain).compare(threshold) < 0) {
    gain = gain.add(candidates[taken++]!.gain);
  }
  const finalScore = atGain(gain);
  const reachable = finalScore.compare(threshold) >= 0;
  return json({
    reachable,
    reason: reachable ? null : "ceiling",
    deductionsToClear: 0,
    pointsNeeded,
    raises: raisesOf(candidates.slice(0, taken), applicable),
    steps: taken,
    projected: { finalScore: n2(finalScore), grade: gradeFor(finalScore, result.deductionCount).grade },
  });
}

/** The chosen steps per item: from its current attainment, how many raises, to what, gaining what. */
function raisesOf(chosen: readonly Raise[], items: Scoring["result"]["items"]): PlanRaise[] {
  const byItem = new Map<string, Raise[]>();
  for (const step of chosen) byItem.set(step.code, [...(byItem.get(step.code) ?? []), step]);
  return [...byItem]
    .map(([code, own]) => {
      const from = currentPercentOf(items.find((i) => i.code === code)!)!;
      const to = upTo100(from.add(RAISE_PERCENT * own.length));
      return { code, from, to, steps: own.length, gain: sum(own.map((s) => s.gain)) };
    })
    .sort((a, b) => b.gain.compare(a.gain) || itemPlace(a.code)! - itemPlace(b.code)!)
    .map(({ code, from, to, steps, gain }) => ({
      code,
      fromPercent: n2(from),
      toPercent: n2(to),
      steps,
      gain: n2(gain),
    }));
}

function upTo100(percent: Exact): Exact {
  return percent.compare(RULES.maxPercent) > 0 ? exact(RULES.maxPercent) : percent;
}

function maxZero(value: Exact): Exact {
  return value.compare(0) < 0 ? ZERO : value;
}
