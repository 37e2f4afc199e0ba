import type { Evaluator } from "../assessment/schema";
import { ITEMS, SECONDARY_INDICATORS, itemPlace, itemsOfIndicator } from "../spec";
import type { EntryTallies } from "./entries";
import { exact, ratio, timesRatio, type Exact } from "./exact";
import { ENTRY_UNITS, HUNDREDTHS_IN_ORDER, itemScoreSum, itemScoreTally, type ItemResult } from "./items";

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
  tallies: EntryTallies,
  excluded: ReadonlySet<string>,
): EvaluatorResult[] {
  // Each evaluator's tally in ENTRY_UNITS (hundredths × whole percentages), added up as the
  // entries were read, over the applicable items only.
  const units = tallies.evaluatorUnits;
  const scored = tallies.evaluatorItems;
  const applicable = ITEMS.length - ITEMS.filter((item) => excluded.has(item.code)).length;
  // One fraction per distinct count: most evaluators score the same number of items.
  const coverages = new Map<number, Exact>();
  const coverageOf = (itemsScored: number) => {
    let coverage = coverages.get(itemsScored);
    if (!coverage) coverages.set(itemsScored, (coverage = ratio(itemsScored, applicable)));
    return coverage;
  };
  return evaluators.map((evaluator, index) => ({
    index,
    name: evaluator.name,
    kind: evaluator.kind,
    total: ratio(units[index]!, ENTRY_UNITS),
    itemsScored: scored[index]!,
    coverage: applicable ? coverageOf(scored[index]!) : null,
  }));
}

const WEIGHTS = new Map(SECONDARY_INDICATORS.map((indicator) => [indicator.id, exact(indicator.weight)]));

/** Each indicator's items as their places in ITEMS (the order scoreItems gives its results in). */
const INDICATOR_ITEMS = SECONDARY_INDICATORS.map((indicator) => ({
  indicator,
  places: itemsOfIndicator(indicator.id).map((item) => itemPlace(item.code)!),
}));

export function indicatorTotals(items: readonly ItemResult[]): IndicatorResult[] {
  const inOrder = items.length === ITEMS.length && items.every((i, place) => i.code === ITEMS[place]!.code);
  const byCode = inOrder ? undefined : new Map(items.map((i) => [i.code, i]));
  return INDICATOR_ITEMS.map(({ indicator, places }) => {
    const applicable: ItemResult[] = [];
    let hundredths = 0;
    for (const place of places) {
      const item = byCode ? byCode.get(ITEMS[place]!.code)! : items[place]!;
      if (item.excluded) continue;
      applicable.push(item);
      hundredths += HUNDREDTHS_IN_ORDER[place]!;
    }
    const tally = itemScoreTally(applicable);
    const score = tally ? ratio(tally.numerator, tally.denominator) : itemScoreSum(applicable);
    return {
      id: indicator.id,
      max: WEIGHTS.get(indicator.id)!,
      applicableMax: ratio(hundredths, 100),
      score,
      // score ÷ (hundredths ÷ 100), in safe integers when it stays in them.
      attainment: hundredths === 0 ? null : attainmentOf(score, tally, hundredths),
    };
  });
}

function attainmentOf(
  score: Exact,
  tally: { numerator: number; denominator: number } | undefined,
  hundredths: number,
): Exact {
  if (tally) {
    const numerator = tally.numerator * 100;
    const denominator = tally.denominator * hundredths;
    if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator))
      return ratio(numerator, denominator);
  }
  return timesRatio(score, 100, hundredths);
}
