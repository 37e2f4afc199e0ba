import type { ResultJson } from "../../../src/core/report";
import {
  biases,
  bonusLines,
  deductionLines,
  disagreementRows,
  reviewChoices,
  signedPoints,
} from "../../../src/taskpane/model/team";

const base = {
  evaluators: [
    { name: "张三", kind: "auditor", total: 40, itemsScored: 3 },
    { name: "李四", kind: "auditor", total: 38, itemsScored: 2 },
    { name: "暗访 1", kind: "visit", total: 10, itemsScored: 0 },
  ],
  agreement: {
    items: [
      { code: "B1", entries: 2, minPercent: 40, maxPercent: 100, spreadBands: 3, disagreement: true },
      { code: "B2", entries: 2, minPercent: 80, maxPercent: 90, spreadBands: 0, disagreement: false },
      { code: "C3", entries: 2, minPercent: 50, maxPercent: 95, spreadBands: 2, disagreement: true },
    ],
    evaluators: [
      { index: 0, name: "张三", itemsScored: 3, meanPercent: 80, teamPercent: 78.54, bias: 1.46 },
      { index: 1, name: "李四", itemsScored: 2, meanPercent: 70, teamPercent: 71.25, bias: -1.25 },
      { index: 2, name: "暗访 1", itemsScored: 0, meanPercent: null, teamPercent: null, bias: null },
    ],
  },
} as unknown as ResultJson;

describe("the team's figures in the pane", () => {
  test("a bias with its sign, a minus sign for below the team, a dash for none", () => {
    expect(signedPoints(1.46)).toBe("+1.46");
    expect(signedPoints(-1.25)).toBe("−1.25");
    expect(signedPoints(0)).toBe("0.00");
    expect(signedPoints(null)).toBe("–");
    expect(biases(base)).toEqual([1.46, -1.25, null]);
  });

  test("only the items in disagreement, in the agreement's order, each with every column's entry", () => {
    const rows = disagreementRows(base, [
      { code: "C3", entries: [95, 50, null] },
      { code: "B1", entries: [100, 40, null] },
    ]);
    expect(rows.map((r) => r.code)).toEqual(["B1", "C3"]);
    expect(rows[0]!.entries).toEqual([
      { name: "张三", kind: "auditor", value: 100 },
      { name: "李四", kind: "auditor", value: 40 },
      { name: "暗访 1", kind: "visit", value: null },
    ]);
    expect(rows[1]).toMatchObject({ minPercent: 50, maxPercent: 95, spreadBands: 2 });
    // Without the entries (an older host), the items are still listed, their entries blank.
    expect(disagreementRows(base)[0]!.entries.map((e) => e.value)).toEqual([null, null, null]);
  });

  test("deductions numbered, their category in words, a missing rectification as empty; bonus reasons trimmed", () => {
    const lines = deductionLines([
      { category: "policy", description: " 未按制度回访 ", rectification: " 补做回访 ", item: "B6" },
      { category: "system", description: "停机" },
    ]);
    expect(lines[0]).toEqual({
      n: 1,
      category: { zh: "不符合企业服务制度", en: "Breaches the company's own service policy" },
      description: "未按制度回访",
      item: "B6",
      rectification: "补做回访",
    });
    expect(lines[1]).toMatchObject({ n: 2, rectification: "" });
    expect(lines[1]).not.toHaveProperty("item");
    expect(bonusLines([{ points: 1, reason: " 标杆 " }])).toEqual([{ points: 1, reason: "标杆" }]);
  });

  test("what a reviewer may do in each state", () => {
    expect(reviewChoices(undefined)).toEqual({ approve: false, return: false });
    expect(reviewChoices({ state: "draft" })).toEqual({ approve: false, return: false });
    expect(reviewChoices({ state: "finalised" })).toEqual({ approve: true, return: true });
    expect(reviewChoices({ state: "approved" })).toEqual({ approve: false, return: true });
    expect(reviewChoices({ state: "returned" })).toEqual({ approve: false, return: false });
  });
});
