import { ITEMS } from "../spec";
import type { Item } from "../spec/types";
import type { EntryTable } from "./entries";
import { exact, sum, ZERO, type Exact } from "./exact";

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
  excluded: boolean;
}

/** points × percentage / 100: what one entry is worth. */
export function entryPoints(item: Item, percent: Exact): Exact {
  return exact(item.points).mul(percent).div(100);
}

export function scoreItems(table: EntryTable, excluded: ReadonlySet<string>): ItemResult[] {
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
      // Mean of the entries' item scores equals points × mean percentage / 100, exactly.
      score: entryPoints(item, meanPercent),
      meanPercent,
      entries: percents.length,
      excluded: false,
    };
  });
}
