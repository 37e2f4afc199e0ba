import type { Evaluator } from "../assessment/schema";
import { ITEMS, SECONDARY_INDICATORS, itemsOfIndicator } from "../spec";
import type { PercentTable } from "./entries";
import { exact, ratio, type Exact } from "./exact";
import { ENTRY_UNITS, itemScoreSum, pointHundredths, type ItemResult } from "./items";

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
  percents: PercentTable,
  excluded: ReadonlySet<string>,
): EvaluatorResult[] {
  const applicable = ITEMS.filter((item) => !excluded.has(item.code)).map((item) => ({
    hundredths: pointHundredths(item),
    row: percents.get(item.code) ?? [],
  }));
  // One fraction per distinct count: most evaluators score the same number of items.
  const coverages = new Map<number, Exact>();
  const coverageOf = (scored: number) => {
    let coverage = coverages.get(scored);
    if (!coverage) coverages.set(scored, (coverage = ratio(scored, applicable.length)));
    return coverage;
  };
  return evaluators.map((evaluator, index) => {
    let units = 0; // ENTRY_UNITS: hundredths of points × whole percentages
    let itemsScored = 0;
    for (const { hundredths, row } of applicable) {
      const percent = row[index];
      if (percent === null || percent === undefined) continue;
      units += hundredths * percent;
      itemsScored += 1;
    }
    return {
      index,
      name: evaluator.name,
      kind: evaluator.kind,
      total: ratio(units, ENTRY_UNITS),
      itemsScored,
      coverage: applicable.length ? coverageOf(itemsScored) : null,
    };
  });
}

const WEIGHTS = new Map(SECONDARY_INDICATORS.map((indicator) => [indicator.id, exact(indicator.weight)]));

export function indicatorTotals(items: readonly ItemResult[]): IndicatorResult[] {
  const byCode = new Map(items.map((i) => [i.code, i]));
  return SECONDARY_INDICATORS.map((indicator) => {
    const applicable = itemsOfIndicator(indicator.id).filter((item) => !byCode.get(item.code)!.excluded);
    const applicableMax = ratio(
      applicable.reduce((total, item) => total + pointHundredths(item), 0),
      100,
    );
    const score = itemScoreSum(applicable.map((item) => byCode.get(item.code)!));
    return {
      id: indicator.id,
      max: WEIGHTS.get(indicator.id)!,
      applicableMax,
      score,
      attainment: applicableMax.equals(0) ? null : score.div(applicableMax),
    };
  });
}
