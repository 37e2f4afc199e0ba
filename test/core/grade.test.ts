import { exact } from "../../src/core/exact";
import { gradeFor } from "../../src/core/grade";
import { RULES } from "../../src/spec";

describe("gradeFor", () => {
  it.each([
    [100, "five-star"],
    [95, "five-star"],
    [94.99, "four-star"],
    [90, "four-star"],
    [89.99, "three-star"],
    [80, "three-star"],
    [79.99, "qualified"],
    [70, "qualified"],
    [69.99, "fail"],
    [0, "fail"],
  ])("grade a final score of %p as %s", (score, id) => {
    expect(gradeFor(exact(score), 0).grade).toBe(id);
  });

  it("passes from the pass mark with fewer deductions than fail, with no reason", () => {
    expect(gradeFor(exact(RULES.passMark), RULES.failAtDeductions - 1)).toMatchObject({
      grade: "qualified",
      label: { zh: "达标级", en: "Qualified" },
      passed: true,
      reasons: [],
    });
  });

  it("fails below the pass mark or at the deductions that fail, giving every reason that applies", () => {
    const below = gradeFor(exact("69.99"), 0);
    expect(below).toMatchObject({ grade: "fail", passed: false });
    expect(below.reasons.map((r) => r.code)).toEqual(["below-pass-mark"]);
    expect(below.reasons[0]!.message.en).toBe("The final score 69.99 is below 70.");
    // A five-star score still fails with too many deductions.
    const deductions = gradeFor(exact(98), RULES.failAtDeductions);
    expect(deductions).toMatchObject({ grade: "fail", label: { zh: "不合格", en: "Fail" }, passed: false });
    expect(deductions.reasons.map((r) => r.code)).toEqual(["too-many-deductions"]);
    expect(gradeFor(exact(10), 7).reasons.map((r) => r.code)).toEqual([
      "below-pass-mark",
      "too-many-deductions",
    ]);
  });
});
