import type { Assessment, Bonus, Deduction, Evaluator } from "../../src/assessment/schema";
import { ITEMS } from "../../src/spec";
import type { Step } from "../../src/spec/rules";

/** Builds assessments for tests: every item filled by `fill(code, evaluator)`. */
export interface AssessmentSpec {
  evaluators?: number | Evaluator[];
  step?: Step;
  fill?: (code: string, evaluator: number) => number | null;
  exclusions?: Record<string, string>;
  deductions?: number | Deduction[];
  bonus?: number[] | Bonus[];
}

export function evaluatorsOf(spec: number | Evaluator[]): Evaluator[] {
  return typeof spec === "number"
    ? Array.from({ length: spec }, (_, i) => ({ name: `评价人${i + 1}`, kind: "auditor" as const }))
    : spec;
}

export function deduction(n = 1): Deduction {
  return { category: "law", description: `问题 ${n}`, rectification: "限期整改" };
}

export function assessmentWith(spec: AssessmentSpec = {}): Assessment {
  const evaluators = evaluatorsOf(spec.evaluators ?? 1);
  const fill = spec.fill ?? (() => 80);
  const scores = Object.fromEntries(
    ITEMS.map((item) => [item.code, evaluators.map((_, e) => fill(item.code, e))]),
  );
  const deductions =
    typeof spec.deductions === "number"
      ? Array.from({ length: spec.deductions }, (_, i) => deduction(i + 1))
      : spec.deductions;
  const bonus = spec.bonus?.map((b) => (typeof b === "number" ? { points: b, reason: "行业领先" } : b));
  return {
    format: "starscore.assessment/1",
    organization: "某某电器有限公司",
    type: "initial",
    step: spec.step ?? 5,
    evaluators,
    scores,
    ...(spec.exclusions && { exclusions: spec.exclusions }),
    ...(deductions && { deductions }),
    ...(bonus && { bonus }),
  };
}
