/**
 * The test oracle: the engine as it was before integer arithmetic (src/core until the perf branch),
 * fraction.js on every entry. The differential test (test/core/differential.test.ts) scores random
 * assessments with both and requires the same results, exactly. Kept in one file because it is a
 * reference, not a pipeline to maintain: the steps it shares unchanged with src/core (exclusions,
 * special items, the grade, the issue catalogue) are imported from there.
 */
import { Fraction } from "fraction.js";
import type { Assessment } from "../../../src/assessment/schema";
import { evaluatorLabel } from "../../../src/core/evaluators";
import { clamp, exact, roundHalfUp, type Exact } from "../../../src/core/exact";
import { resolveExclusions } from "../../../src/core/exclusions";
import { gradeFor } from "../../../src/core/grade";
import { issue, type ValidationIssue } from "../../../src/core/issues";
import type { ItemResult } from "../../../src/core/items";
import type { AssessmentResult } from "../../../src/core/score";
import { readSpecialItems } from "../../../src/core/special";
import { ITEMS, SECONDARY_INDICATORS, itemByCode } from "../../../src/spec";
import { RULES, type Step } from "../../../src/spec/rules";
import type { Item } from "../../../src/spec/types";

const ZERO = new Fraction(0);

/** The result as the fraction engine gave it (items without the integer engine's percentTotal). */
export type OracleResult = Omit<AssessmentResult, "items"> & { items: Omit<ItemResult, "percentTotal">[] };
const sum = (values: readonly Exact[]): Exact => values.reduce((acc, v) => acc.add(v), ZERO);

type EntryCheck =
  | { ok: true; percent: Exact }
  | {
      ok: false;
      code: "entry-out-of-range" | "entry-looks-like-fraction" | "entry-off-step";
      suggestion?: string;
    };

export function oracleCheckEntry(value: number, step: Step): EntryCheck {
  if (!Number.isFinite(value)) return { ok: false, code: "entry-out-of-range" };
  const percent = exact(Number(value.toPrecision(RULES.entryDigits)));
  if (percent.compare(RULES.minPercent) < 0 || percent.compare(RULES.maxPercent) > 0) {
    return { ok: false, code: "entry-out-of-range" };
  }
  if (percent.mod(step).equals(0)) return { ok: true, percent };
  const asPercent = percent.mul(100);
  if (percent.compare(1) < 0 && asPercent.mod(step).equals(0)) {
    return { ok: false, code: "entry-looks-like-fraction", suggestion: asPercent.toString() };
  }
  return { ok: false, code: "entry-off-step", suggestion: percent.div(step).round(0).mul(step).toString() };
}

type EntryTable = ReadonlyMap<string, readonly (Exact | null)[]>;

export function readEntries(assessment: Assessment): { table: EntryTable; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const count = assessment.evaluators.length;
  for (const [code, row] of Object.entries(assessment.scores)) {
    if (!itemByCode(code)) issues.push(issue("unknown-item", { field: "scores" }, { key: code }));
    else if (row.length !== count) {
      issues.push(
        issue(
          "row-length",
          { item: code, field: "scores" },
          { item: code, expected: count, actual: row.length },
        ),
      );
    }
  }
  const table = new Map<string, (Exact | null)[]>();
  for (const item of ITEMS) {
    const row = assessment.scores[item.code] ?? [];
    const slots = assessment.evaluators.map((evaluator, index) => {
      const value = row[index];
      if (value === null || value === undefined) return null;
      const check = oracleCheckEntry(value, assessment.step);
      if (check.ok) return check.percent;
      issues.push(
        issue(
          check.code,
          { item: item.code, evaluator: index, field: "scores" },
          {
            item: item.code,
            evaluator: evaluatorLabel(evaluator, index),
            value: String(value),
            step: assessment.step,
            suggestion: check.suggestion,
          },
        ),
      );
      return null;
    });
    table.set(item.code, slots);
  }
  return { table, issues };
}

const entryPoints = (item: Item, percent: Exact): Exact => exact(item.points).mul(percent).div(100);

function scoreItems(table: EntryTable, excluded: ReadonlySet<string>): OracleResult["items"] {
  return ITEMS.map((item) => {
    const percents = (table.get(item.code) ?? []).filter((p): p is Exact => p !== null);
    const points = exact(item.points);
    if (excluded.has(item.code)) {
      return {
        code: item.code,
        points,
        score: null,
        meanPercent: null,
        entries: percents.length,
        excluded: true,
      };
    }
    if (percents.length === 0) {
      return { code: item.code, points, score: ZERO, meanPercent: null, entries: 0, excluded: false };
    }
    const meanPercent = sum(percents).div(percents.length);
    return {
      code: item.code,
      points,
      score: entryPoints(item, meanPercent),
      meanPercent,
      entries: percents.length,
      excluded: false,
    };
  });
}

function evaluatorTotals(
  assessment: Assessment,
  table: EntryTable,
  excluded: ReadonlySet<string>,
): AssessmentResult["evaluators"] {
  const applicable = ITEMS.filter((item) => !excluded.has(item.code));
  return assessment.evaluators.map((evaluator, index) => {
    const scored = applicable.flatMap((item) => {
      const percent = table.get(item.code)?.[index];
      return percent ? [entryPoints(item, percent)] : [];
    });
    return {
      index,
      name: evaluator.name,
      kind: evaluator.kind,
      total: sum(scored),
      itemsScored: scored.length,
      coverage: applicable.length ? ZERO.add(scored.length).div(applicable.length) : null,
    };
  });
}

function indicatorTotals(items: OracleResult["items"]): AssessmentResult["indicators"] {
  const byCode = new Map(items.map((i) => [i.code, i]));
  return SECONDARY_INDICATORS.map((indicator) => {
    const own = ITEMS.filter((item) => item.indicator === indicator.id).map((item) => byCode.get(item.code)!);
    const applicable = own.filter((i) => !i.excluded);
    const applicableMax = sum(applicable.map((i) => i.points));
    const score = sum(applicable.map((i) => i.score ?? ZERO));
    return {
      id: indicator.id,
      max: exact(indicator.weight),
      applicableMax,
      score,
      attainment: applicableMax.equals(0) ? null : score.div(applicableMax),
    };
  });
}

/**
 * The oracle's scoring: its result, and only the issues the entries give (the engine's other
 * issues come from steps the two share).
 */
export function oracleScore(assessment: Assessment): {
  result: OracleResult;
  entryIssues: ValidationIssue[];
} {
  const entries = readEntries(assessment);
  const exclusions = resolveExclusions(assessment.exclusions);
  const excluded = new Set(exclusions.byItem.keys());
  const special = readSpecialItems(assessment.deductions, assessment.bonus);
  const items = scoreItems(entries.table, excluded);
  const evaluators = evaluatorTotals(assessment, entries.table, excluded);
  const applicable = items.filter((i) => !i.excluded);
  const rawScore = sum(applicable.map((i) => i.score ?? exact(0)));
  const applicableTotal = sum(applicable.map((i) => i.points));
  const scaledScore = rawScore.div(applicableTotal).mul(RULES.total);
  const unrounded = scaledScore.sub(special.deductionPoints).add(special.bonus);
  const clamped = clamp(unrounded, RULES.minScore, RULES.maxScore);
  const finalScore = roundHalfUp(roundHalfUp(clamped, RULES.snapDecimals), RULES.decimals);
  const outcome = gradeFor(finalScore, special.deductionCount);
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
    entryIssues: entries.issues,
  };
}
