import type { Assessment } from "../src/assessment/schema";
import { ITEMS } from "../src/spec";

/** A reproducible assessment for measuring: entries on the step of 5, a tenth blank, 5.2.6 excluded. */
export function randomAssessment(evaluators: number, seed = 1): Assessment {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const scores = Object.fromEntries(
    ITEMS.map((item) => [
      item.code,
      item.indicator === "5.2.6"
        ? Array.from({ length: evaluators }, () => null)
        : Array.from({ length: evaluators }, () => (next() < 0.1 ? null : Math.floor(next() * 21) * 5)),
    ]),
  );
  return {
    format: "starscore.assessment/1",
    organization: "基准测试有限公司",
    type: "initial",
    step: 5,
    evaluators: Array.from({ length: evaluators }, (_, i) => ({
      name: i % 2 ? `暗访 ${i + 1}` : `审核员 ${i + 1}`,
      kind: i % 2 ? ("visit" as const) : ("auditor" as const),
    })),
    scores,
    exclusions: { "5.2.6": "不涉及废弃商品回收" },
    deductions: [{ category: "policy", description: "门店未张贴三包规定", rectification: "30 天内整改" }],
    bonus: [{ points: 0.5, reason: "备件 24 小时到达" }],
  };
}
