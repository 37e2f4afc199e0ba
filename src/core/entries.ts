import type { Assessment } from "../assessment/schema";
import { RULES, type Step } from "../spec/rules";
import { ITEMS, itemByCode } from "../spec";
import { evaluatorLabel } from "./evaluators";
import { exact, type Exact } from "./exact";
import { issue, type ValidationIssue } from "./issues";

/**
 * Entries: each evaluator's percentage for each item. Checking them here, once, gives the rest of
 * the engine a table of valid percentages where an invalid entry counts as blank (it is reported as
 * an error, never silently scored).
 *
 * A valid entry is a whole number: it lies in 0–100 on the step, and every step is a whole
 * percentage (RULES.steps, asserted in test/core/entries.test.ts). So the table holds plain
 * integers, exact as they are, and the engine adds them up without a fraction per entry.
 */
export type EntryCheck =
  | { ok: true; /** A whole percentage, 0–100. */ percent: number }
  | {
      ok: false;
      code: "entry-out-of-range" | "entry-looks-like-fraction" | "entry-off-step";
      suggestion?: string;
    };

export function checkEntry(value: number, step: Step): EntryCheck {
  const whole = wholePercent(value, step);
  if (whole !== undefined) return { ok: true, percent: whole };
  if (!Number.isFinite(value)) return { ok: false, code: "entry-out-of-range" };
  // What a cell would hold: 70.00000000000001 from a JSON file is the 70 a spreadsheet stores.
  // (An integer within the range has fewer than 15 digits: it is what it is.)
  const percent = Number.isInteger(value) ? value : Number(value.toPrecision(RULES.entryDigits));
  // A double compares with a whole number as its shortest decimal text (the exact value read) does.
  if (percent < RULES.minPercent || percent > RULES.maxPercent) {
    return { ok: false, code: "entry-out-of-range" };
  }
  if (Number.isInteger(percent) && percent % step === 0)
    return { ok: true, percent: percent === 0 ? 0 : percent }; // never -0
  return offStep(exact(percent), step);
}

/** The common case, without a fraction: an integer on the step within 0–100 is valid as it is. */
function wholePercent(value: number, step: Step): number | undefined {
  if (
    !Number.isInteger(value) ||
    value < RULES.minPercent ||
    value > RULES.maxPercent ||
    value % step !== 0
  ) {
    return undefined;
  }
  return value === 0 ? 0 : value; // never -0
}

/** Why an entry within 0–100 is not on the step, and what it may have meant (exact, as typed). */
function offStep(percent: Exact, step: Step): EntryCheck {
  const asPercent = percent.mul(100);
  if (percent.compare(1) < 0 && asPercent.mod(step).equals(0)) {
    return { ok: false, code: "entry-looks-like-fraction", suggestion: asPercent.toString() };
  }
  return { ok: false, code: "entry-off-step", suggestion: percent.div(step).round(0).mul(step).toString() };
}

/** Valid whole percentages by item code, one slot per evaluator; null for blank or invalid. */
export type PercentTable = ReadonlyMap<string, readonly (number | null)[]>;

/** The same table as exact values. */
export type EntryTable = ReadonlyMap<string, readonly (Exact | null)[]>;

export interface Entries {
  percents: PercentTable;
  /** `percents` as exact values, made on first use (for readers that compute with Exact). */
  readonly table: EntryTable;
  issues: ValidationIssue[];
}

export function readEntries(assessment: Assessment): Entries {
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
  const percents = new Map<string, (number | null)[]>();
  const { step, evaluators } = assessment;
  for (const item of ITEMS) {
    const row = assessment.scores[item.code] ?? [];
    const slots = new Array<number | null>(count).fill(null);
    for (let index = 0; index < count; index++) {
      const value = row[index];
      if (value === null || value === undefined) continue;
      const whole = wholePercent(value, step);
      if (whole !== undefined) {
        slots[index] = whole;
        continue;
      }
      const check = checkEntry(value, step);
      if (check.ok) {
        slots[index] = check.percent;
        continue;
      }
      issues.push(
        issue(
          check.code,
          { item: item.code, evaluator: index, field: "scores" },
          {
            item: item.code,
            evaluator: evaluatorLabel(evaluators[index]!, index),
            value: String(value),
            step,
            suggestion: check.suggestion,
          },
        ),
      );
    }
    percents.set(item.code, slots);
  }
  let table: EntryTable | undefined;
  return {
    percents,
    get table() {
      return (table ??= new Map(
        [...percents].map(([code, row]) => [code, row.map((p) => (p === null ? null : exact(p)))]),
      ));
    },
    issues,
  };
}
