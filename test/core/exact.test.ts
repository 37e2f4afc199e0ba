import fc from "fast-check";
import { Fraction } from "fraction.js";
import {
  clamp,
  exact,
  ratio,
  roundHalfUp,
  sum,
  sumOfRatios,
  timesRatio,
  toFixed,
  toNumber,
} from "../../src/core/exact";

describe("exact arithmetic", () => {
  it("reads numbers through their decimal text, not their binary value", () => {
    expect(exact(0.1).add(exact(0.2)).equals(exact("0.3"))).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false); // the reason this module exists
    expect(exact(1e-7).toString()).toBe("0.0000001");
    expect(exact(1e21).equals(exact("1000000000000000000000"))).toBe(true);
  });

  it("rounds half away from zero at the given place", () => {
    expect(toFixed(roundHalfUp(exact("69.995"), 2), 2)).toBe("70.00");
    expect(toFixed(roundHalfUp(exact("69.985"), 2), 2)).toBe("69.99");
    expect(toFixed(roundHalfUp(exact("69.9949999999"), 2), 2)).toBe("69.99");
    expect(toFixed(roundHalfUp(exact(-1.005), 2), 2)).toBe("-1.01");
    expect(toFixed(exact(2).div(3), 4)).toBe("0.6667");
    expect(toFixed(exact(100), 2)).toBe("100.00");
    expect(toFixed(exact(0), 0)).toBe("0");
  });

  it("keeps thirds exact until the end", () => {
    const third = exact(1).div(3);
    expect(sum([third, third, third]).equals(1)).toBe(true);
    expect(toNumber(exact(200).div(3), 10)).toBe(66.6666666667);
  });

  it("clamps to a range", () => {
    expect(clamp(exact(101), 0, 100).equals(100)).toBe(true);
    expect(clamp(exact(-3), 0, 100).equals(0)).toBe(true);
    expect(clamp(exact(50), 0, 100).equals(50)).toBe(true);
  });

  it("refuses what is not a finite number", () => {
    expect(() => exact(Number.NaN)).toThrow(RangeError);
    expect(() => exact(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  // The engine's fractions are made in lowest terms without fraction.js's parse: each must be the
  // very fraction fraction.js makes (same sign, numerator, denominator), and behave as one.
  const parts = (f: Fraction) => [f.s, f.n, f.d];
  it("ratio is fraction.js's own n ÷ d, reduced, for any safe integers", () => {
    const safe = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
    fc.assert(
      fc.property(
        safe,
        safe.filter((d) => d !== 0),
        (n, d) => {
          const made = ratio(n, d);
          expect(parts(made)).toEqual(parts(new Fraction(n, d)));
          expect(made.equals(new Fraction(n, d))).toBe(true);
          expect(made.add(1).sub(1).equals(made)).toBe(true);
        },
      ),
      { numRuns: 2_000, seed: 20261202 },
    );
    expect(parts(ratio(0, -7))).toEqual([1n, 0n, 1n]);
    expect(parts(ratio(-6, -4))).toEqual([1n, 3n, 2n]);
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => ratio(2 ** 53, 1)).toThrow(RangeError);
    expect(() => ratio(0.5, 1)).toThrow(RangeError);
  });

  it("sumOfRatios adds exactly, in bigint past the safe integers", () => {
    expect(sumOfRatios([1, 1, 1], [3, 3, 3]).equals(1)).toBe(true);
    expect(sumOfRatios([1, 1], [2, 3]).equals(new Fraction(5, 6))).toBe(true);
    // Denominators whose common multiple is past 2^53: the double path would lose digits.
    const big = [2 ** 31 - 1, 2 ** 31 - 19, 2 ** 31 - 61]; // three primes
    const expected = big.reduce((acc, d) => acc.add(new Fraction(1, d)), new Fraction(0));
    expect(sumOfRatios([1, 1, 1], big).equals(expected)).toBe(true);
    // Numerators whose products are past 2^53 on a small common denominator.
    const n = 2 ** 52;
    expect(sumOfRatios([n, n], [2, 3]).equals(new Fraction(5n * BigInt(n), 6n))).toBe(true);
  });

  it("timesRatio is value × n ÷ d, reduced", () => {
    const value = new Fraction(-7, 12);
    const made = timesRatio(value, 100, 35);
    expect(made.equals(value.mul(100).div(35))).toBe(true);
    expect(parts(made)).toEqual(parts(value.mul(100).div(35)));
    expect(parts(timesRatio(new Fraction(0), 3, 4))).toEqual([1n, 0n, 1n]);
  });
});
