import type { Localised } from "../spec/types";

/**
 * scoring-rules.md as the Rules sheet states it, so a reviewer can see how every number on the
 * Summary is made. Keep this in step with the engine (src/core) and the formulas (layout).
 */
export const RULE_PARAGRAPHS: readonly { heading: Localised; body: Localised }[] = [
  {
    heading: { zh: "评价项目", en: "Items" },
    body: {
      zh: "50 个评价项目：服务要求 B1–B24、C1–C8 共 60 分；管理要求 A1–A18 共 40 分；合计 100 分。各二级指标的项目分值之和等于附录 A 的权重。",
      en: "50 items: service requirements B1–B24 and C1–C8, 60 points; management requirements A1–A18, 40 points; 100 in all. Each indicator's items add up to its Appendix A weight.",
    },
  },
  {
    heading: { zh: "评分", en: "Entries" },
    body: {
      zh: "每位评价人（或每次暗访）对每个项目给出达成百分比 0–100，须为评分步长的倍数。该项得分 = 分值 × 百分比 ÷ 100。评价人可留空，表示“本人未评”。",
      en: "Each evaluator (or mystery-shopper visit) gives each item a percentage from 0 to 100 on the workbook's step. The entry is worth points × percentage ÷ 100. A blank means 'not assessed by me'.",
    },
  },
  {
    heading: { zh: "成熟度区间", en: "Bands" },
    body: {
      zh: "附录 C 的五个区间：0–20、20–40、40–60、60–80、80–100 %。边界值属于较高区间（20 属于第 2 区间），100 属于第 5 区间。",
      en: "Appendix C's five bands: 0–20, 20–40, 40–60, 60–80, 80–100 %. A value on a boundary belongs to the higher band (20 is band 2); 100 is band 5.",
    },
  },
  {
    heading: { zh: "平均（6.1.4）", en: "Averaging (6.1.4)" },
    body: {
      zh: "项目最终得分 = 填写了该项的评价人的项目得分的平均值；空白不按 0 计。适用项目无人评分时结果不完整，暂按 0 分计。无效的录入（非数字、超出 0–100、不在步长上）不计入平均。",
      en: "An item's final score is the mean of the item scores of those who entered a value for it; blanks are not zeros. An applicable item nobody scored makes the result incomplete and counts 0 for now. Invalid entries (not a number, outside 0–100, off the step) are left out of the mean.",
    },
  },
  {
    heading: { zh: "删减（6.1.5）", en: "Exclusion (6.1.5)" },
    body: {
      zh: "只有 5.2.1–5.2.6（B1–B24）的项目可因不适用而删减，可逐项删减或整个二级指标删减，须注明原因。换算得分 = 适用项目的得分之和 ÷ 适用项目的分值之和 × 100；无删减时除数为 100。",
      en: "Only items under 5.2.1–5.2.6 (B1–B24) may be excluded as not applicable, one item or a whole indicator at a time, each with a reason. Scaled score = sum of the applicable items' scores ÷ sum of their points × 100; with nothing excluded the divisor is 100.",
    },
  },
  {
    heading: { zh: "特别扣分项与特别加分项", en: "Special deductions and bonus" },
    body: {
      zh: "每个特别扣分项扣 1 分，在删减换算后扣除，须注明类别、描述与整改要求。特别加分项合计最多 1 分，在删减换算后加分，须注明理由。",
      en: "Each special deduction takes 1 point after scaling and records a category, a description and the rectification required. The special bonus is at most 1 point in total, added after scaling, with a justification.",
    },
  },
  {
    heading: { zh: "最终得分", en: "Final score" },
    body: {
      zh: "最终得分 = 换算得分 − 特别扣分 + 特别加分，限定在 0–100 之间，四舍五入保留 2 位小数；等级按该值判定。（规范未规定舍入与上限，此为本产品的规定。）为使表格（浮点数计算）与精确计算始终一致，先四舍五入到 9 位小数再到 2 位：比舍入边界低不足 5e-10 的值按边界处理。录入值按单元格保存的 15 位有效数字读取。",
      en: "Final score = scaled score − deductions + bonus, clamped to 0–100 and rounded half-up to 2 decimals; the grade is decided on that value. (The specification is silent on rounding and a cap; this is StarScore's rule.) So that the sheet (which computes in floating point) and the exact engine always agree, the value is rounded half-up to 9 decimals before the 2: a value less than 5e-10 below a rounding boundary counts as on it. Entries are read to the 15 significant digits a cell holds.",
    },
  },
  {
    heading: { zh: "等级与不合格（6.5）", en: "Grades and fail (6.5)" },
    body: {
      zh: "得分低于 70 分，或特别扣分项达到 5 个（含 5 个），为不合格，并列出每个原因。否则：≥95 五星级；≥90 四星级；≥80 三星级；≥70 达标级。规范原文“80 分以上 五星级”为笔误，按三星级执行；附录 B D1 行“超过5分不通过”与正文 6.3.2 不一致，以正文（5 个及以上不合格）为准。",
      en: "A final score below 70, or 5 or more special deductions, fails, and every reason that applies is given. Otherwise: ≥95 five-star; ≥90 four-star; ≥80 three-star; ≥70 qualified. The text's '80 and above: five-star' is a typo for three-star; Appendix B's D1 row ('more than 5 fails') yields to clause 6.3.2 (5 or more fail).",
    },
  },
];
