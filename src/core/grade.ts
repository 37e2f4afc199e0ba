import { GRADES } from "../spec";
import { RULES } from "../spec/rules";
import type { GradeId, Localised } from "../spec/types";
import { toFixed, type Exact } from "./exact";

/** Why an assessment fails (6.3.2); every reason that applies is given. */
export interface FailReason {
  code: "below-pass-mark" | "too-many-deductions";
  message: Localised;
}

export interface GradeOutcome {
  grade: GradeId;
  label: Localised;
  passed: boolean;
  reasons: FailReason[];
}

/** The grade of a final score already rounded to 2 decimals, given the number of special deductions. */
export function gradeFor(finalScore: Exact, deductionCount: number): GradeOutcome {
  const reasons: FailReason[] = [];
  if (finalScore.compare(RULES.passMark) < 0) {
    reasons.push({
      code: "below-pass-mark",
      message: {
        zh: `最终得分 ${toFixed(finalScore, RULES.decimals)} 低于 ${RULES.passMark} 分。`,
        en: `The final score ${toFixed(finalScore, RULES.decimals)} is below ${RULES.passMark}.`,
      },
    });
  }
  if (deductionCount >= RULES.failAtDeductions) {
    reasons.push({
      code: "too-many-deductions",
      message: {
        zh: `特别扣分项 ${deductionCount} 个，达到 ${RULES.failAtDeductions} 个（含）即不合格。`,
        en: `${deductionCount} special deductions: ${RULES.failAtDeductions} or more fail the assessment.`,
      },
    });
  }
  const grade = reasons.length
    ? GRADES.find((g) => g.min === null)!
    : GRADES.find((g) => g.min !== null && finalScore.compare(g.min) >= 0)!;
  return { grade: grade.id, label: grade.label, passed: reasons.length === 0, reasons };
}
