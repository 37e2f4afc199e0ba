import type { Bonus, Deduction } from "../assessment/schema";
import { itemByCode } from "../spec";
import { RULES } from "../spec/rules";
import { exact, sum, toFixed, type Exact } from "./exact";
import { issue, type ValidationIssue } from "./issues";

/**
 * Special items (6.1.5, Appendix B D1/D2): deductions of 1 point each and a bonus of at most
 * 1 point, both applied after scaling.
 */
export interface SpecialItems {
  deductionCount: number;
  deductionPoints: Exact;
  /** What the bonus entries add up to. */
  bonusClaimed: Exact;
  /** What is applied: the claimed total, capped at RULES.bonusCap. */
  bonus: Exact;
  issues: ValidationIssue[];
}

export function readSpecialItems(
  deductions: readonly Deduction[] = [],
  bonuses: readonly Bonus[] = [],
): SpecialItems {
  const issues = [...deductions.flatMap(checkDeduction), ...bonuses.flatMap(checkBonus)];
  const bonusClaimed = sum(bonuses.filter((b) => b.points > 0).map((b) => exact(b.points)));
  const overCap = bonusClaimed.compare(RULES.bonusCap) > 0;
  if (overCap) {
    issues.push(
      issue("bonus-over-cap", { field: "bonus" }, { total: toFixed(bonusClaimed, 2), cap: RULES.bonusCap }),
    );
  }
  return {
    deductionCount: deductions.length,
    deductionPoints: exact(deductions.length * RULES.deductionPoints),
    bonusClaimed,
    bonus: overCap ? exact(RULES.bonusCap) : bonusClaimed,
    issues,
  };
}

function checkDeduction(deduction: Deduction, index: number): ValidationIssue[] {
  const at = (field: string) => ({ field: `deductions[${index}].${field}` });
  const params = { index: index + 1, key: deduction.item };
  const found: ValidationIssue[] = [];
  if (!deduction.description.trim()) found.push(issue("deduction-no-description", at("description"), params));
  if (deduction.item !== undefined && deduction.item !== "" && !itemByCode(deduction.item)) {
    found.push(issue("deduction-unknown-item", at("item"), params));
  }
  if (!deduction.rectification?.trim())
    found.push(issue("deduction-no-rectification", at("rectification"), params));
  return found;
}

function checkBonus(bonus: Bonus, index: number): ValidationIssue[] {
  const at = (field: string) => ({ field: `bonus[${index}].${field}` });
  const params = { index: index + 1, value: String(bonus.points) };
  const found: ValidationIssue[] = [];
  if (!(bonus.points > 0)) found.push(issue("bonus-not-positive", at("points"), params));
  if (!bonus.reason.trim()) found.push(issue("bonus-no-reason", at("reason"), params));
  return found;
}
