import { ITEMS } from "../spec";
import type { Item } from "../spec/types";
import type { EntryTallies } from "./entries";
import { exact, ratio, sumOfRatios, ZERO, type Exact } from "./exact";

/** One item's outcome: the mean (6.1.4) over the evaluators who entered a value for it. */
export interface ItemResult {
  code: string;
  points: Exact;
  /** Mean item score in points; null when excluded; 0 (provisional) when applicable but unscored. */
  score: Exact | null;
  /** Mean percentage of those who scored it; null when nobody did or the item is excluded. */
  meanPercent: Exact | null;
  /** How many evaluators entered a valid value. */
  entries: number;
  /** Their percentages added up (whole numbers): the mean is percentTotal ÷ entries. */
  percentTotal: number;
  excluded: boolean;
}

/**
 * Integer arithmetic on one denominator: an entry is worth points × percentage ÷ 100, which is a
 * whole number of ten-thousandths of a point (ENTRY_UNITS) because entries are whole percentages
 * and the catalogue's points have at most 2 decimals (checked here, once, when the module loads).
 * Sums of such units stay far inside the safe integers: 100 points × 100 % is 10^6 units per
 * evaluator, 10^6 × evaluators for an item's total (`ratio` refuses anything past 2^53).
 */
export const ENTRY_UNITS = 10_000;

/** An item's points in hundredths, a whole number. */
export function pointHundredths(item: Pick<Item, "code">): number {
  return HUNDREDTHS.get(item.code)!;
}

const HUNDREDTHS = new Map(
  ITEMS.map((item) => {
    const hundredths = exact(item.points).mul(100);
    if (hundredths.d !== 1n) throw new Error(`${item.code}: points ${item.points} have more than 2 decimals`);
    return [item.code, Number(hundredths.n)];
  }),
);
const POINTS = new Map(ITEMS.map((item) => [item.code, exact(item.points)]));
/** The same, by place in ITEMS: for the loops that go through the catalogue in order. */
export const HUNDREDTHS_IN_ORDER: readonly number[] = ITEMS.map((item) => HUNDREDTHS.get(item.code)!);

export function scoreItems(tallies: EntryTallies, excluded: ReadonlySet<string>): ItemResult[] {
  return ITEMS.map((item, place) => {
    const entries = tallies.itemEntries[place]!;
    const total = tallies.itemPercentTotals[place]!; // whole percentages
    const points = POINTS.get(item.code)!;
    if (excluded.has(item.code)) {
      return {
        code: item.code,
        points,
        score: null,
        meanPercent: null,
        entries,
        percentTotal: total,
        excluded: true,
      };
    }
    if (entries === 0) {
      return {
        code: item.code,
        points,
        score: ZERO,
        meanPercent: null,
        entries: 0,
        percentTotal: 0,
        excluded: false,
      };
    }
    return {
      code: item.code,
      points,
      // Mean of the entries' item scores equals points × mean percentage / 100, exactly.
      score: ratio(HUNDREDTHS_IN_ORDER[place]! * total, ENTRY_UNITS * entries),
      meanPercent: ratio(total, entries),
      entries,
      percentTotal: total,
      excluded: false,
    };
  });
}

/**
 * Σ of the applicable items' scores, exactly, on one common denominator: an item scores
 * hundredths × percentTotal ÷ (ENTRY_UNITS × entries), so the items with the same number of entries
 * add up as integers, and only the few different counts meet on their common multiple (sumOfRatios). The same
 * value as sum(score) over the items, without a fraction per item.
 */
export function itemScoreSum(items: readonly ItemResult[]): Exact {
  const tally = itemScoreTally(items);
  if (tally) return ratio(tally.numerator, tally.denominator);
  // Beyond the safe integers (thousands of evaluators with many different counts): in bigint.
  const byEntries = unitsByEntries(items);
  const numerators: number[] = [];
  const denominators: number[] = [];
  byEntries.forEach((units, entries) => {
    numerators.push(units);
    denominators.push(ENTRY_UNITS * entries);
  });
  return sumOfRatios(numerators, denominators);
}

/**
 * Σ of the items' scores as numerator ÷ denominator in safe integers (not reduced), or undefined
 * when their common denominator or a product would leave the safe integers. For a caller that
 * goes on computing with it (an indicator's attainment) before making one fraction.
 */
export function itemScoreTally(
  items: readonly ItemResult[],
): { numerator: number; denominator: number } | undefined {
  // One pass: the common denominator (of entry counts) grows to the least common multiple as new
  // counts come, and the numerator so far is scaled with it. Every term is non-negative, so a
  // partial numerator or denominator past the safe integers means the whole is past them too.
  let common = 1;
  let numerator = 0;
  for (const item of items) {
    const entries = item.entries;
    if (item.excluded || entries === 0) continue;
    if (common % entries !== 0) {
      const factor = entries / gcdOf(common, entries);
      common *= factor;
      numerator *= factor;
      if (!Number.isSafeInteger(common) || !Number.isSafeInteger(numerator)) return undefined;
    }
    numerator += HUNDREDTHS.get(item.code)! * item.percentTotal * (common / entries);
    if (!Number.isSafeInteger(numerator)) return undefined;
  }
  const denominator = common * ENTRY_UNITS;
  // A sum of products of safe integers that is a safe integer was computed exactly (each partial
  // sum and product is no larger than the total).
  return Number.isSafeInteger(denominator) ? { numerator, denominator } : undefined;
}

/** The applicable, scored items' units (hundredths × percentTotal) added up by entry count. */
function unitsByEntries(items: readonly ItemResult[]): number[] {
  const byEntries: number[] = [];
  for (const item of items) {
    if (item.excluded || item.entries === 0) continue;
    const units = HUNDREDTHS.get(item.code)! * item.percentTotal;
    byEntries[item.entries] = (byEntries[item.entries] ?? 0) + units;
  }
  for (const units of byEntries) {
    if (units !== undefined && !Number.isSafeInteger(units))
      throw new RangeError(`item scores beyond the safe integers: ${units}`);
  }
  return byEntries;
}

function gcdOf(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}
