import type { Assessment } from "../assessment/schema";
import { RULES, type Step } from "../spec/rules";
import { ITEMS, itemByCode } from "../spec";
import { evaluatorLabel } from "./evaluators";
import { exact, type Exact } from "./exact";
import { issue, type ValidationIssue } from "./issues";

/**
 * Entries: each evaluator's percentage for each item. Checking them here, once, gives the rest of
 * the engine a table of valid exact percentages where an invalid entry counts as blank (it is
 * reported as an error, never silently scored).
 */
export type EntryCheck =
  | { ok: true; percent: Exact }
  | {
      ok: false;
      code: "entry-out-of-range" | "entry-looks-like-fraction" | "entry-off-step";
      suggestion?: string;
    };

export function checkEntry(value: number, step: Step): EntryCheck {
  if (!Number.isFinite(value)) return { ok: false, code: "entry-out-of-range" };
  // What a cell would hold: 70.00000000000001 from a JSON file is the 70 a spreadsheet stores.
  const percent = exact(Number(value.toPrecision(RULES.entryDigits)));
  if (percent.compare(RULES.minPercent) < 0 || percent.compare(RULES.maxPercent) > 0) {
    return { ok: false, code: "entry-out-of-range" };
  }
  if (percent.mod(step).equals(0)) return { ok: true, percent };
  const asPercent = percent.mul(100);
  if (percent.compare(1) < 0 && asPercent.mod(step).equals(0)) {
    return { ok: false, code: "entry-looks-like-fraction", suggestion: asPercent.toString() };
  }
  return { ok: false, code: "entry-off-step", suggestion: percent.div(step).round(0).mul(step).toString() };
}

/** Valid percentages by item code, one slot per evaluator; null for blank or invalid. */
export type EntryTable = ReadonlyMap<string, readonly (Exact | null)[]>;

export function readEntries(assessment: Assessment): { table: EntryTable; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const count = assessment.evaluators.length;
  for (const [code, row] of Object.entries(assessment.scores)) {
    if (!itemByCode(code)) issues.push(issue("unknown-item", { field: "scores" }, { key: code }));
    else if (row.length !== count) {
      issues.push(
        issue(
          "row-length",
          { item: code, field: "scores" },
          { item: code, expected: count, actual: row.length },
        ),
      );
    }
  }
  const table = new Map<string, (Exact | null)[]>();
  for (const item of ITEMS) {
    const row = assessment.scores[item.code] ?? [];
    const slots = assessment.evaluators.map((evaluator, index) => {
      const value = row[index];
      if (value === null || value === undefined) return null;
      const check = checkEntry(value, assessment.step);
      if (check.ok) return check.percent;
      issues.push(
        issue(
          check.code,
          { item: item.code, evaluator: index, field: "scores" },
          {
            item: item.code,
            evaluator: evaluatorLabel(evaluator, index),
            value: String(value),
            step: assessment.step,
            suggestion: check.suggestion,
          },
        ),
      );
      return null;
    });
    table.set(item.code, slots);
  }
  return { table, issues };
}
