import type { Assessment } from "../assessment/schema";
import { RULES } from "../spec/rules";
import type { GradeId, Localised } from "../spec/types";
import { readEntries } from "./entries";
import { evaluatorLabel } from "./evaluators";
import { clamp, exact, ratio, roundHalfUp, type Exact } from "./exact";
import { resolveExclusions } from "./exclusions";
import { gradeFor, type FailReason } from "./grade";
import { issue, type ValidationIssue } from "./issues";
import { itemScoreSum, pointHundredths, scoreItems, type ItemResult } from "./items";
import { checkRoles } from "./roles";
import { planTargetIssues } from "./plan-targets";
import { readSpecialItems } from "./special";
import { evaluatorTotals, indicatorTotals, type EvaluatorResult, type IndicatorResult } from "./totals";

/** Everything the specification computes from an assessment, exactly. */
export interface AssessmentResult {
  /** Every applicable item has at least one valid entry. */
  complete: boolean;
  /** Sum of the applicable items' scores. */
  rawScore: Exact;
  /** Sum of the applicable items' points (100 when nothing is excluded). */
  applicableTotal: Exact;
  /** rawScore ÷ applicableTotal × 100 (6.1.5). */
  scaledScore: Exact;
  deductionCount: number;
  deductionPoints: Exact;
  /** Bonus applied, capped at 1. */
  bonus: Exact;
  /** Scaled − deductions + bonus, clamped to 0–100, rounded half-up to 9 and then 2 decimals. */
  finalScore: Exact;
  grade: GradeId;
  gradeLabel: Localised;
  passed: boolean;
  reasons: FailReason[];
  indicators: IndicatorResult[];
  items: ItemResult[];
  evaluators: EvaluatorResult[];
}

export interface Scoring {
  result: AssessmentResult;
  issues: ValidationIssue[];
}

export function scoreAssessment(assessment: Assessment): Scoring {
  const exclusions = resolveExclusions(assessment.exclusions);
  const excluded = new Set(exclusions.byItem.keys());
  const entries = readEntries(assessment, excluded);
  const special = readSpecialItems(assessment.deductions, assessment.bonus);
  const items = scoreItems(entries.tallies, excluded);
  const evaluators = evaluatorTotals(assessment.evaluators, entries.tallies, excluded);

  const applicable = items.filter((i) => !i.excluded);
  const rawScore = itemScoreSum(applicable);
  const applicableTotal = ratio(
    applicable.reduce((total, i) => total + pointHundredths(i), 0),
    100,
  );
  const scaledScore = scaledScoreOf(rawScore, applicableTotal);
  const finalScore = finalScoreOf(scaledScore, special.deductionPoints, special.bonus);
  const outcome = gradeFor(finalScore, special.deductionCount);

  const issues = [
    ...(assessment.evaluators.length === 0 ? [issue("no-evaluators", { field: "evaluators" })] : []),
    ...entries.issues,
    ...exclusions.issues,
    ...conflicts(items, exclusions.byItem),
    ...unscored(applicable, assessment.evaluators.length),
    ...idleEvaluators(assessment, evaluators),
    ...special.issues,
    ...checkRoles(assessment),
    ...planTargetIssues(assessment.planTargets, excluded),
  ];
  return {
    result: {
      complete: applicable.every((i) => i.entries > 0),
      rawScore,
      applicableTotal,
      scaledScore,
      deductionCount: special.deductionCount,
      deductionPoints: special.deductionPoints,
      bonus: special.bonus,
      finalScore,
      grade: outcome.grade,
      gradeLabel: outcome.label,
      passed: outcome.passed,
      reasons: outcome.reasons,
      indicators: indicatorTotals(items),
      items,
      evaluators,
    },
    issues,
  };
}

/** rawScore ÷ applicableTotal × 100 (6.1.5). */
export function scaledScoreOf(rawScore: Exact, applicableTotal: Exact): Exact {
  return rawScore.div(applicableTotal).mul(TOTAL);
}

/** RULES.total as a fraction once: fraction.js parses a number operand on every call. */
const TOTAL = exact(RULES.total);

/**
 * The final score (6.5, scoring-rules.md): scaled − deductions + bonus, clamped to 0–100, rounded
 * half-up to 9 and then 2 decimals. The plan and the what-if projection compute theirs with it too.
 */
export function finalScoreOf(scaledScore: Exact, deductionPoints: Exact, bonus: Exact): Exact {
  const clamped = clamp(scaledScore.sub(deductionPoints).add(bonus), RULES.minScore, RULES.maxScore);
  return roundHalfUp(roundHalfUp(clamped, RULES.snapDecimals), RULES.decimals);
}

/** An excluded item that still has entries: the auditor meant one or the other. */
function conflicts(items: readonly ItemResult[], byItem: ReadonlyMap<string, string>): ValidationIssue[] {
  return items
    .filter((i) => i.excluded && i.entries > 0)
    .map((i) =>
      issue(
        "exclusion-has-entries",
        { item: i.code, field: "scores" },
        { item: i.code, key: byItem.get(i.code) },
      ),
    );
}

function unscored(applicable: readonly ItemResult[], evaluatorCount: number): ValidationIssue[] {
  if (evaluatorCount === 0) return []; // "no evaluators" already says it once
  return applicable
    .filter((i) => i.entries === 0)
    .map((i) => issue("item-unscored", { item: i.code, field: "scores" }, { item: i.code }));
}

function idleEvaluators(assessment: Assessment, evaluators: readonly EvaluatorResult[]): ValidationIssue[] {
  return evaluators
    .filter((e) => e.itemsScored === 0)
    .map((e) =>
      issue(
        "evaluator-no-entries",
        { evaluator: e.index, field: "scores" },
        { evaluator: evaluatorLabel(assessment.evaluators[e.index]!, e.index) },
      ),
    );
}
