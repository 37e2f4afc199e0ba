import type { Assessment, Deduction } from "../assessment/schema";
import { RULES } from "../spec/rules";
import type { GradeId } from "../spec/types";
import { toNumber, type Exact } from "./exact";
import { followUpState, type FollowUpState } from "./follow-up";
import { currentPercentOf } from "./projection";
import { scoreAssessment } from "./score";

/**
 * Compare with the previous audit (issue 14): final score and grade before and after, the change
 * per indicator (attainment %) and per item (mean attainment %, unscored counting as 0 % as in the
 * provisional score), and the previous audit's special deductions with their rectification status
 * and, when the current audit carried them (its `followUp`), whether they were verified.
 */
export type ItemChange = "improved" | "regressed" | "unchanged" | "newly-excluded" | "no-longer-excluded";

export const ITEM_CHANGES: readonly ItemChange[] = [
  "improved",
  "regressed",
  "unchanged",
  "newly-excluded",
  "no-longer-excluded",
];

export interface ComparedDeduction extends Deduction {
  /** How the current audit followed it up; null when the current audit does not list it to verify. */
  followUp: FollowUpState | null;
}

/** `starscore compare --json`: numbers to 2 decimals; percentages are 0–100. */
export interface CompareJson {
  previous: { finalScore: number; grade: GradeId };
  current: { finalScore: number; grade: GradeId };
  /** Current − previous final score. */
  delta: number;
  /** Attainment % of each secondary indicator; null where all its items are excluded. */
  indicators: { id: string; previous: number | null; current: number | null; delta: number | null }[];
  /** Mean attainment % of each item; null where excluded. */
  items: {
    code: string;
    previousPercent: number | null;
    currentPercent: number | null;
    change: ItemChange;
  }[];
  deductions: { previous: ComparedDeduction[]; current: Deduction[] };
}

const n2 = (value: Exact) => toNumber(value, RULES.decimals);
const orNull = (value: Exact | null) => (value === null ? null : n2(value));

export function compareAssessments(previous: Assessment, current: Assessment): CompareJson {
  const before = scoreAssessment(previous).result;
  const after = scoreAssessment(current).result;
  const indicators = before.indicators.map((p, i) => {
    const c = after.indicators[i]!;
    const was = p.attainment && p.attainment.mul(100);
    const now = c.attainment && c.attainment.mul(100);
    return { id: p.id, previous: orNull(was), current: orNull(now), delta: was && now && n2(now.sub(was)) };
  });
  const items = before.items.map((p, i) => {
    const was = currentPercentOf(p);
    const now = currentPercentOf(after.items[i]!);
    return {
      code: p.code,
      previousPercent: orNull(was),
      currentPercent: orNull(now),
      change: changeOf(was, now),
    };
  });
  return {
    previous: { finalScore: n2(before.finalScore), grade: before.grade },
    current: { finalScore: n2(after.finalScore), grade: after.grade },
    delta: n2(after.finalScore.sub(before.finalScore)),
    indicators,
    items,
    deductions: {
      previous: (previous.deductions ?? []).map((d) => ({
        ...d,
        followUp: followUpState(d, current) ?? null,
      })),
      current: current.deductions ?? [],
    },
  };
}

/** null: excluded. */
function changeOf(was: Exact | null, now: Exact | null): ItemChange {
  if (was === null) return now === null ? "unchanged" : "no-longer-excluded";
  if (now === null) return "newly-excluded";
  const order = now.compare(was);
  return order > 0 ? "improved" : order < 0 ? "regressed" : "unchanged";
}
