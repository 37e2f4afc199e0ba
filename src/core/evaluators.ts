import type { Evaluator } from "../assessment/schema";
import type { Localised } from "../spec/types";

/** How messages name an evaluator column: an auditor by name, a mystery-shopper visit by number. */
export function evaluatorLabel(evaluator: Evaluator, index: number): Localised {
  const name = evaluator.name.trim();
  if (evaluator.kind === "visit") {
    return name
      ? { zh: `暗访“${name}”`, en: `visit "${name}"` }
      : { zh: `第 ${index + 1} 次暗访`, en: `visit ${index + 1}` };
  }
  return name
    ? { zh: `评价人“${name}”`, en: `evaluator "${name}"` }
    : { zh: `第 ${index + 1} 位评价人`, en: `evaluator ${index + 1}` };
}
