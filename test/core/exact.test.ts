import { exact, roundHalfUp, toFixed, toNumber, clamp, sum } from "../../src/core/exact";

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
});
