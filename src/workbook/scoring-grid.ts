import { ITEMS, PRIMARY_INDICATORS, SECONDARY_INDICATORS } from "../spec";
import type { PrimaryIndicatorId } from "../spec/types";
import { MAX_EVALUATORS } from "./limits";

/**
 * The geometry of the Scoring sheet: which column holds what for a given number of evaluators, and
 * which row holds which primary indicator, indicator or item. Builders, readers and writers all
 * ask here, so a column moves in one place.
 *
 * Visible: code, clause, content, points, criterion, applicable, exclusion reason, one input column
 * per evaluator, item score, entry count, mean %, notes. Hidden helpers to the right: indicator id,
 * primary id, included (1/0) and one "valid entry" column per evaluator, so that every aggregate is
 * a plain SUMIFS/COUNTIFS/SUMPRODUCT over whole columns of same-row cells (never a function applied
 * to a range) and stays right when a user sorts the rows. Then, visible again beside the notes (the
 * helpers between them are hidden), the agreement between evaluators (src/core/agreement.ts): the
 * item's lowest and highest valid entry, their spread in Appendix C's bands and whether the
 * evaluators disagree; below the per-evaluator totals, each evaluator's mean %, the team's mean %
 * over the same items, and the bias.
 */
export { MAX_EVALUATORS };
/** Row 3 holds each evaluator column's kind, row 4 the column headers (the filter row). */
export const KIND_ROW = 3;
export const HEADER_ROW = 4;
export const FIRST_BODY_ROW = 5;

export interface ScoringColumns {
  evaluators: number;
  code: number;
  clause: number;
  content: number;
  points: number;
  criterion: number;
  applicable: number;
  reason: number;
  /** Column of evaluator k (0-based). */
  evaluator: (k: number) => number;
  score: number;
  count: number;
  mean: number;
  notes: number;
  indicator: number;
  primary: number;
  included: number;
  /** Hidden column with evaluator k's entry when valid, "" otherwise. */
  valid: (k: number) => number;
  /** Agreement: lowest and highest valid entry, spread in bands, disagreement (TRUE/FALSE). */
  agreementMin: number;
  agreementMax: number;
  agreementSpread: number;
  disagreement: number;
  /** The sheet's last column (the disagreement flag). */
  last: number;
}

export function scoringColumns(evaluators: number): ScoringColumns {
  if (!Number.isInteger(evaluators) || evaluators < 1 || evaluators > MAX_EVALUATORS) {
    throw new RangeError(`evaluators must be 1–${MAX_EVALUATORS}, got ${evaluators}`);
  }
  const firstEvaluator = 8;
  const afterEvaluators = firstEvaluator + evaluators;
  const firstValid = afterEvaluators + 7;
  return {
    evaluators,
    code: 1,
    clause: 2,
    content: 3,
    points: 4,
    criterion: 5,
    applicable: 6,
    reason: 7,
    evaluator: (k) => firstEvaluator + k,
    score: afterEvaluators,
    count: afterEvaluators + 1,
    mean: afterEvaluators + 2,
    notes: afterEvaluators + 3,
    indicator: afterEvaluators + 4,
    primary: afterEvaluators + 5,
    included: afterEvaluators + 6,
    valid: (k) => firstValid + k,
    agreementMin: firstValid + evaluators,
    agreementMax: firstValid + evaluators + 1,
    agreementSpread: firstValid + evaluators + 2,
    disagreement: firstValid + evaluators + 3,
    last: firstValid + evaluators + 3,
  };
}

export type ScoringRow =
  | { kind: "primary"; row: number; id: PrimaryIndicatorId }
  | { kind: "indicator"; row: number; id: string }
  | { kind: "item"; row: number; id: string };

/** Body rows in catalogue order: each primary indicator, then each of its indicators with its items. */
export function scoringRows(): ScoringRow[] {
  const rows: ScoringRow[] = [];
  let row = FIRST_BODY_ROW;
  for (const primary of PRIMARY_INDICATORS) {
    rows.push({ kind: "primary", row: row++, id: primary.id });
    for (const indicator of SECONDARY_INDICATORS.filter((i) => i.primary === primary.id)) {
      rows.push({ kind: "indicator", row: row++, id: indicator.id });
      for (const item of ITEMS.filter((i) => i.indicator === indicator.id)) {
        rows.push({ kind: "item", row: row++, id: item.code });
      }
    }
  }
  return rows;
}

export const LAST_BODY_ROW = FIRST_BODY_ROW + scoringRows().length - 1;
/** A blank row, then per-evaluator totals, items scored and coverage. */
export const TOTAL_ROW = LAST_BODY_ROW + 2;
export const ITEMS_SCORED_ROW = TOTAL_ROW + 1;
export const COVERAGE_ROW = TOTAL_ROW + 2;
/** Agreement per evaluator: their mean %, the team's mean % over the same items, the bias. */
export const EVALUATOR_MEAN_ROW = TOTAL_ROW + 3;
export const TEAM_MEAN_ROW = TOTAL_ROW + 4;
export const BIAS_ROW = TOTAL_ROW + 5;
