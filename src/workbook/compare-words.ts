import { ITEM_CHANGES, type CompareJson, type ItemChange } from "../core/compare";
import type { FollowUpState } from "../core/follow-up";
import { GRADES } from "../spec/grades";
import { RULES } from "../spec/rules";
import type { GradeId, Lang, Localised } from "../spec/types";
import { TEXT } from "./labels";

/**
 * The comparison with the previous audit in words, in either language: the change classes, how a
 * previous deduction was followed up, and the one paragraph `starscore compare` prints above its
 * tables and the pane's Compare view shows (one wording, one home). The follow-up's outcomes are
 * the Special sheet's own words (labels.ts).
 */
export const CHANGE_LABELS: Record<ItemChange, Localised> = {
  improved: { zh: "提升", en: "improved" },
  regressed: { zh: "下降", en: "regressed" },
  unchanged: { zh: "不变", en: "unchanged" },
  "newly-excluded": { zh: "新删减", en: "newly excluded" },
  "no-longer-excluded": { zh: "不再删减", en: "no longer excluded" },
};

/** A previous deduction in this audit: its follow-up's outcome, or not listed to verify at all. */
export const FOLLOW_UP_LABELS: Record<FollowUpState | "not-listed", Localised> = {
  verified: TEXT.outcomeVerified,
  "not-verified": TEXT.outcomeNotVerified,
  "to-verify": TEXT.outcomeToVerify,
  "not-listed": { zh: "未列入本次验证", en: "Not followed up" },
};

const gradeLabel = (grade: GradeId, lang: Lang) => GRADES.find((g) => g.id === grade)!.label[lang];
const fixed = (value: number) => value.toFixed(RULES.decimals);
/** +1.25, −0.50 (a minus sign), 0.00. */
export const signedPoints = (value: number) =>
  value > 0 ? `+${fixed(value)}` : value < 0 ? `−${fixed(-value)}` : fixed(0);
const signed = signedPoints;

export function compareParagraph(c: CompareJson, lang: Lang): string {
  const count = (change: ItemChange) => c.items.filter((i) => i.change === change).length;
  const classes = ITEM_CHANGES.map((change) => [change, count(change)] as const).filter(([, n]) => n > 0);
  const followed = (state: FollowUpState | "not-listed") =>
    c.deductions.previous.filter((d) => (d.followUp ?? "not-listed") === state).length;
  const states = (["verified", "not-verified", "to-verify", "not-listed"] as const)
    .map((state) => [state, followed(state)] as const)
    .filter(([, n]) => n > 0);
  const before = `${fixed(c.previous.finalScore)}（${gradeLabel(c.previous.grade, "zh")}）`;
  const after = `${fixed(c.current.finalScore)}（${gradeLabel(c.current.grade, "zh")}）`;
  if (lang === "zh") {
    const items = classes.map(([change, n]) => `${CHANGE_LABELS[change].zh} ${n} 项`).join("，");
    const previous = c.deductions.previous.length;
    const deductions =
      previous === 0
        ? "上次审核无特别扣分项。"
        : `上次审核的 ${previous} 项特别扣分项：${states.map(([s, n]) => `${FOLLOW_UP_LABELS[s].zh} ${n} 项`).join("，")}。`;
    return `最终得分由上次的 ${before}变为本次的 ${after}，变化 ${signed(c.delta)} 分。项目：${items}。${deductions}本次特别扣分项 ${c.deductions.current.length} 项。`;
  }
  const items = classes.map(([change, n]) => `${n} ${CHANGE_LABELS[change].en}`).join(", ");
  const previous = c.deductions.previous.length;
  const deductions =
    previous === 0
      ? "The previous audit had no special deductions."
      : `Of the previous audit's ${previous} special deduction${previous === 1 ? "" : "s"}: ${states
          .map(([s, n]) => `${n} ${FOLLOW_UP_LABELS[s].en.toLowerCase()}`)
          .join(", ")}.`;
  const now = c.deductions.current.length;
  return `The final score went from ${fixed(c.previous.finalScore)} (${gradeLabel(c.previous.grade, "en")}) to ${fixed(c.current.finalScore)} (${gradeLabel(c.current.grade, "en")}): ${signed(c.delta)}. Items: ${items}. ${deductions} This audit has ${now} special deduction${now === 1 ? "" : "s"}.`;
}
