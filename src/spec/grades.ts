import type { Grade } from "./types";

/**
 * The grades of 6.5 (numbered 6.3.x in the text), best first, so the first grade whose min a final
 * score reaches is its grade. The text's "80 分以上 五星级" is a typo: scoring-rules.md makes 80–89.99
 * 三星级, as certification bodies applying GB/T 27922 do. Fail has no min: it is what is left below
 * 70, and it also applies at 5 or more special deductions whatever the score (RULES.failAtDeductions).
 */
export const GRADES: readonly Grade[] = [
  { id: "five-star", min: 95, label: { zh: "五星级", en: "Five-star" } },
  { id: "four-star", min: 90, label: { zh: "四星级", en: "Four-star" } },
  { id: "three-star", min: 80, label: { zh: "三星级", en: "Three-star" } },
  { id: "qualified", min: 70, label: { zh: "达标级", en: "Qualified" } },
  { id: "fail", min: null, label: { zh: "不合格", en: "Fail" } },
];
