import { GRADES, RULES } from "../../src/spec";

/** The grades as data (src/spec/grades.ts); grading a score is test/core/grade.test.ts's. */

describe("grades", () => {
  it("are ordered best first with the thresholds of scoring-rules.md", () => {
    expect(GRADES.map((g) => [g.id, g.min, g.label.zh, g.label.en])).toEqual([
      ["five-star", 95, "五星级", "Five-star"],
      ["four-star", 90, "四星级", "Four-star"],
      ["three-star", 80, "三星级", "Three-star"],
      ["qualified", 70, "达标级", "Qualified"],
      ["fail", null, "不合格", "Fail"],
    ]);
  });

  it("have strictly falling minimums and end with fail, the only grade without one", () => {
    const mins = GRADES.map((g) => g.min);
    expect(mins.slice(0, -1).every((m) => m !== null)).toBe(true);
    expect(mins[mins.length - 1]).toBeNull();
    const numeric = mins.filter((m): m is number => m !== null);
    for (let i = 1; i < numeric.length; i++) expect(numeric[i]).toBeLessThan(numeric[i - 1] ?? Infinity);
  });

  it("make the pass mark the lowest passing grade", () => {
    expect(GRADES.find((g) => g.id === "qualified")?.min).toBe(RULES.passMark);
  });
});
