import type { GradeId, Localised } from "../spec/types";
import { sum, ZERO, type Exact } from "./exact";
import { gradeFor, type FailReason } from "./grade";
import type { ItemResult } from "./items";
import { validTarget } from "./plan-targets";
import { finalScoreOf, scaledScoreOf, type Scoring } from "./score";

/**
 * What-if (the Plan sheet, issue 14): every applicable item at a target mean attainment, the items
 * without a target as they are; deductions and bonus as they are. The result is computed by the
 * rules (scaling, then deductions and bonus, clamp, rounding, grade) exactly as the assessment's own.
 * A target is a percentage from 0 to 100 (any number: a mean need not be on the step); anything else,
 * and a target for an excluded item, counts as no target, as the sheet's formulas do.
 */
export interface ItemProjection {
  code: string;
  points: Exact;
  excluded: boolean;
  /** The item's mean attainment now (%): 0 when nobody scored it; null when excluded. */
  currentPercent: Exact | null;
  /** The target that counts; null when blank, invalid or the item is excluded. */
  targetPercent: Exact | null;
  /** The target, else the current attainment; null when excluded. */
  projectedPercent: Exact | null;
  /** points × projected % / 100; null when excluded. */
  projectedScore: Exact | null;
}

export interface Projection {
  items: ItemProjection[];
  rawScore: Exact;
  applicableTotal: Exact;
  scaledScore: Exact;
  finalScore: Exact;
  grade: GradeId;
  gradeLabel: Localised;
  passed: boolean;
  reasons: FailReason[];
}

/** An item's mean attainment as the plan and the projection use it: unscored counts as 0 %. */
export function currentPercentOf(item: ItemResult): Exact | null {
  if (item.excluded) return null;
  return item.meanPercent ?? ZERO;
}

export function projectTargets(
  { result }: Scoring,
  targets: Readonly<Record<string, number>> = {},
): Projection {
  const items = result.items.map((item): ItemProjection => {
    const currentPercent = currentPercentOf(item);
    if (currentPercent === null) {
      return {
        code: item.code,
        points: item.points,
        excluded: true,
        currentPercent: null,
        targetPercent: null,
        projectedPercent: null,
        projectedScore: null,
      };
    }
    const targetPercent = validTarget(targets[item.code]);
    const projectedPercent = targetPercent ?? currentPercent;
    return {
      code: item.code,
      points: item.points,
      excluded: false,
      currentPercent,
      targetPercent,
      projectedPercent,
      projectedScore: item.points.mul(projectedPercent).div(100),
    };
  });
  const rawScore = sum(items.map((i) => i.projectedScore ?? ZERO));
  const scaledScore = scaledScoreOf(rawScore, result.applicableTotal);
  const finalScore = finalScoreOf(scaledScore, result.deductionPoints, result.bonus);
  const outcome = gradeFor(finalScore, result.deductionCount);
  return {
    items,
    rawScore,
    applicableTotal: result.applicableTotal,
    scaledScore,
    finalScore,
    grade: outcome.grade,
    gradeLabel: outcome.label,
    passed: outcome.passed,
    reasons: outcome.reasons,
  };
}
