import type { Bonus, Deduction, EvaluatorKind } from "../../assessment/schema";
import type { ResultJson } from "../../core/report";
import { DEDUCTION_CATEGORIES } from "../../spec/rules";
import type { Localised } from "../../spec/types";
import type { ReviewState } from "../../workbook/audit/review";
import type { ItemEntries } from "../actions/types";
import { fixed } from "./format";

/**
 * The team's figures as the pane shows them: the items in disagreement with every evaluator's
 * entry, each evaluator's bias, and what the review view lists (the special deductions with their
 * rectification, the bonus with its reason, what a reviewer may do in the review state).
 */

/** A bias (percentage points) with its sign: "+10.00", "−1.46" (a minus sign), "0.00"; "–" for none. */
export function signedPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  if (value === 0) return fixed(0);
  return value > 0 ? `+${fixed(value)}` : `−${fixed(-value)}`;
}

/** Each evaluator column's bias (result.agreement), in result.evaluators' order; null without entries. */
export function biases(result: ResultJson): (number | null)[] {
  return result.evaluators.map(
    (_, index) => result.agreement.evaluators.find((e) => e.index === index)?.bias ?? null,
  );
}

export interface DisagreementEntry {
  name: string;
  kind: EvaluatorKind;
  /** The entry as typed; null when blank. */
  value: number | null;
}

export interface DisagreementRow {
  code: string;
  minPercent: number | null;
  maxPercent: number | null;
  spreadBands: number;
  entries: DisagreementEntry[];
}

/**
 * The items in disagreement (spread of two bands or more), in catalogue order (the agreement's), each with every
 * evaluator column's entry. Items the host sent no entries for are listed with blank entries.
 */
export function disagreementRows(
  result: ResultJson,
  entries: readonly ItemEntries[] = [],
): DisagreementRow[] {
  const byCode = new Map(entries.map((e) => [e.code, e.entries]));
  return result.agreement.items
    .filter((item) => item.disagreement)
    .map((item) => ({
      code: item.code,
      minPercent: item.minPercent,
      maxPercent: item.maxPercent,
      spreadBands: item.spreadBands,
      entries: result.evaluators.map((e, i) => ({
        name: e.name,
        kind: e.kind,
        value: byCode.get(item.code)?.[i] ?? null,
      })),
    }));
}

/** A special deduction as the review view lists it: its category in words, what must be rectified. */
export interface DeductionLine {
  n: number;
  category: Localised;
  description: string;
  item?: string;
  /** The rectification required, trimmed; "" when the workbook gives none. */
  rectification: string;
  deadline?: string;
  status?: Deduction["status"];
}

export function deductionLines(deductions: readonly Deduction[]): DeductionLine[] {
  return deductions.map((d, i) => ({
    n: i + 1,
    category: DEDUCTION_CATEGORIES.find((c) => c.id === d.category)?.label ?? {
      zh: d.category,
      en: d.category,
    },
    description: d.description.trim(),
    ...(d.item?.trim() && { item: d.item.trim() }),
    rectification: d.rectification?.trim() ?? "",
    ...(d.deadline?.trim() && { deadline: d.deadline.trim() }),
    ...(d.status && { status: d.status }),
  }));
}

/** The bonus lines with their reasons (trimmed; "" when none is given). */
export function bonusLines(bonus: readonly Bonus[]): { points: number; reason: string }[] {
  return bonus.map((b) => ({ points: b.points, reason: b.reason.trim() }));
}

/**
 * Which of the reviewer's decisions the state allows (src/workbook/audit/review.ts's rules, the
 * person aside: the host refuses the finaliser reviewing their own work, and says so): approve a
 * finalised workbook not yet reviewed; return a finalised or approved one.
 */
export function reviewChoices(review: ReviewState | undefined): { approve: boolean; return: boolean } {
  const state = review?.state;
  return { approve: state === "finalised", return: state === "finalised" || state === "approved" };
}
