import type { Evaluator } from "../assessment/schema";
import { ITEMS, SECONDARY_INDICATORS } from "../spec";
import type { EntryTable } from "./entries";
import { exact, sum, ZERO, type Exact } from "./exact";
import { entryPoints, type ItemResult } from "./items";

/**
 * Sums over items: per evaluator (how a lead auditor spots an outlier) and per secondary indicator
 * (what the Summary sheet shows). Excluded items count in neither.
 */
export interface EvaluatorResult {
  index: number;
  name: string;
  kind: Evaluator["kind"];
  /** Sum of this evaluator's own item scores over the applicable items they scored. */
  total: Exact;
  itemsScored: number;
  /** itemsScored ÷ applicable items; null when no item is applicable. */
  coverage: Exact | null;
}

export interface IndicatorResult {
  id: string;
  /** Appendix A weight. */
  max: Exact;
  /** Points of the indicator's applicable items. */
  applicableMax: Exact;
  score: Exact;
  /** score ÷ applicableMax; null when the whole indicator is excluded. */
  attainment: Exact | null;
}

export function evaluatorTotals(
  evaluators: readonly Evaluator[],
  table: EntryTable,
  excluded: ReadonlySet<string>,
): EvaluatorResult[] {
  const applicable = ITEMS.filter((item) => !excluded.has(item.code));
  return evaluators.map((evaluator, index) => {
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

export function indicatorTotals(items: readonly ItemResult[]): IndicatorResult[] {
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
