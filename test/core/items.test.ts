import { Fraction } from "fraction.js";
import {
  ENTRY_UNITS,
  itemScoreSum,
  itemScoreTally,
  pointHundredths,
  type ItemResult,
} from "../../src/core/items";
import { ITEMS } from "../../src/spec";

/** An item's result as scoreItems gives it, for `entries` evaluators whose percentages add up to `total`. */
function scored(place: number, entries: number, total: number): ItemResult {
  const item = ITEMS[place]!;
  return {
    code: item.code,
    points: new Fraction(item.points),
    score: new Fraction(pointHundredths(item) * total, ENTRY_UNITS * entries),
    meanPercent: new Fraction(total, entries),
    entries,
    percentTotal: total,
    excluded: false,
  };
}

const fractionSum = (items: readonly ItemResult[]) =>
  items.reduce((acc, i) => acc.add(i.score ?? 0), new Fraction(0));

describe("the items' score sum on one common denominator", () => {
  it("equals the sum of the item scores, in safe integers for a usual team", () => {
    const items = [scored(0, 30, 2_450), scored(1, 29, 1_905), scored(2, 7, 700), scored(3, 30, 0)];
    expect(itemScoreTally(items)).toBeDefined();
    expect(itemScoreSum(items).equals(fractionSum(items))).toBe(true);
  });

  it("stays exact past the safe integers (entry counts whose common multiple is past 2^53)", () => {
    // Distinct prime counts: their product times ENTRY_UNITS is far beyond 2^53.
    const primes = [1_009, 1_013, 1_019, 1_021, 1_031, 1_033];
    const items = primes.map((entries, place) => scored(place, entries, entries * 55));
    expect(itemScoreTally(items)).toBeUndefined();
    expect(itemScoreSum(items).equals(fractionSum(items))).toBe(true);
  });

  it("leaves out excluded and unscored items", () => {
    const unscored: ItemResult = {
      ...scored(2, 1, 0),
      score: new Fraction(0),
      entries: 0,
      meanPercent: null,
    };
    const items = [scored(0, 3, 250), { ...scored(1, 3, 300), excluded: true }, unscored];
    expect(itemScoreSum(items).equals(items[0]!.score!)).toBe(true);
  });
});
