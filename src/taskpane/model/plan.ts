import type { CompareJson, ItemChange } from "../../core/compare";
import { ITEM_CHANGES } from "../../core/compare";
import { PLAN_TARGETS, type PlanJson, type PlanTarget } from "../../core/plan";
import { GRADES } from "../../spec/grades";
import type { GradeId, Lang } from "../../spec/types";

/**
 * The Plan and Compare views as data: the choices they offer and the rows they show, from the
 * core's answers (PlanJson, CompareJson). The words are the core's and the CLI's
 * (src/core/plan-words.ts, src/workbook/compare-words.ts); no React here.
 */

/** The grades a plan can aim at, lowest first, labelled in the pane's language. */
export function targetOptions(lang: Lang): { id: PlanTarget; label: string }[] {
  return PLAN_TARGETS.map((id) => ({ id, label: gradeLabel(id, lang) }));
}

export function gradeLabel(grade: GradeId, lang: Lang): string {
  return GRADES.find((g) => g.id === grade)!.label[lang];
}

/** How many rows of headroom the Plan view lists (as `starscore plan` prints): the largest. */
export const HEADROOM_ROWS = 10;

/** The items that could still add something, largest first, at most HEADROOM_ROWS. */
export function headroomRows(plan: PlanJson): PlanJson["headroom"] {
  return plan.headroom.filter((h) => h.headroom > 0).slice(0, HEADROOM_ROWS);
}

/** What the plan comes to: reached already, a plan of raises, or not reachable and why. */
export type PlanOutcome = "reached" | "raises" | "deductions" | "ceiling";

export function planOutcome(plan: PlanJson): PlanOutcome {
  if (plan.reached) return "reached";
  return plan.reason ?? "raises";
}

/** How many items of each change class, in ITEM_CHANGES order. */
export function changeCounts(comparison: CompareJson): { change: ItemChange; n: number }[] {
  return ITEM_CHANGES.map((change) => ({
    change,
    n: comparison.items.filter((i) => i.change === change).length,
  }));
}

/** The classes shown at first: every class but unchanged (what changed is the question). */
export const SHOWN_AT_FIRST: readonly ItemChange[] = ITEM_CHANGES.filter((c) => c !== "unchanged");

/** The items of the classes chosen, in catalogue order. */
export function itemsOfClasses(
  comparison: CompareJson,
  shown: ReadonlySet<ItemChange>,
): CompareJson["items"] {
  return comparison.items.filter((i) => shown.has(i.change));
}

/** The secondary indicators whose attainment changed (or that were or became all excluded). */
export function changedIndicators(comparison: CompareJson): CompareJson["indicators"] {
  return comparison.indicators.filter((i) => i.delta !== 0);
}
