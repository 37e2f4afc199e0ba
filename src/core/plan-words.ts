import { GRADES } from "../spec/grades";
import { RULES } from "../spec/rules";
import type { GradeId, Lang } from "../spec/types";
import { RAISE_PERCENT, type PlanJson } from "./plan";

/**
 * The plan in one paragraph, in either language: what `starscore plan` prints above its table and
 * the pane's Plan view shows (one wording, one home). Numbers as the JSON has them, 2 decimals.
 */

/** Plans of up to this many items are named in the paragraph too. */
const LISTED_RAISES = 5;

const gradeLabel = (grade: GradeId, lang: Lang) => GRADES.find((g) => g.id === grade)!.label[lang];
const fixed = (value: number) => value.toFixed(RULES.decimals);
/** 80 → "80 %", 87.5 → "87.5 %". */
export const planPercent = (value: number) => `${value.toFixed(RULES.decimals).replace(/\.?0+$/, "")} %`;
const pct = planPercent;

export function planParagraph(plan: PlanJson, lang: Lang): string {
  const target = gradeLabel(plan.target, lang);
  const now = plan.current;
  const projected = plan.projected;
  // A long plan is in the table only.
  const list =
    plan.raises.length > LISTED_RAISES
      ? { zh: "见下表", en: "see the table" }[lang]
      : plan.raises
          .map((r) => `${r.code} ${pct(r.fromPercent)} → ${pct(r.toPercent)}`)
          .join(lang === "zh" ? "、" : ", ");
  if (lang === "zh") {
    const opening = `当前最终得分 ${fixed(now.finalScore)}（${gradeLabel(now.grade, "zh")}）。`;
    if (plan.reached) return `${opening}已达到${target}（${plan.threshold} 分），无需提升。`;
    if (plan.reason === "deductions") {
      return `${opening}特别扣分项达 ${RULES.failAtDeductions} 项及以上的，无论得分多少均为不合格，提升项目达不到${target}：须先整改并消除至少 ${plan.deductionsToClear} 项特别扣分项。`;
    }
    const need = `${target}须 ${plan.threshold} 分，还差 ${fixed(plan.pointsNeeded)} 分。`;
    const raise = `（每次提升将一个项目的平均达成率提高一档，即 ${RAISE_PERCENT} 个百分点，最高 100 %；特别扣分项和加分按当前计）`;
    if (plan.reason === "ceiling") {
      return `${opening}${need}即使所有适用项目都达到 100 %，最终得分也只有 ${fixed(projected.finalScore)}（${gradeLabel(projected.grade, "zh")}），达不到${target}。`;
    }
    return `${opening}${need}最少须提升 ${plan.steps} 次${raise}：${list}，最终得分可达 ${fixed(projected.finalScore)}（${gradeLabel(projected.grade, "zh")}）。`;
  }
  const opening = `The final score is ${fixed(now.finalScore)} (${gradeLabel(now.grade, "en")}).`;
  if (plan.reached)
    return `${opening} ${target} (${plan.threshold}) is reached already: no raises are needed.`;
  if (plan.reason === "deductions") {
    const n = plan.deductionsToClear;
    return `${opening} With ${RULES.failAtDeductions} or more special deductions an audit fails whatever the score, so no raise reaches ${target}: at least ${n} deduction${n === 1 ? "" : "s"} must be rectified and cleared first.`;
  }
  const need = `${target} needs ${plan.threshold}: ${fixed(plan.pointsNeeded)} points more.`;
  if (plan.reason === "ceiling") {
    return `${opening} ${need} Even with every applicable item at 100 % the final score would be ${fixed(projected.finalScore)} (${gradeLabel(projected.grade, "en")}): ${target} cannot be reached.`;
  }
  const raises = plan.steps === 1 ? "one raise" : `${plan.steps} raises`;
  return `${opening} ${need} It takes ${raises} at the fewest (a raise lifts one item's mean attainment by one band, ${RAISE_PERCENT} percentage points, up to 100 %; deductions and bonus stay as they are): ${list}, for a final score of ${fixed(projected.finalScore)} (${gradeLabel(projected.grade, "en")}).`;
}
