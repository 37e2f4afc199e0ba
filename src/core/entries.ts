import type { Assessment } from "../assessment/schema";
import { RULES, type Step } from "../spec/rules";
import { ITEMS, itemPlace } from "../spec";
import { evaluatorLabel } from "./evaluators";
import { exact, type Exact } from "./exact";
import { issue, type ValidationIssue } from "./issues";
import { HUNDREDTHS_IN_ORDER } from "./items";

/**
 * Entries: each evaluator's percentage for each item. Checking them here, once, gives the rest of
 * the engine the valid percentages added up by item and by evaluator, where an invalid entry counts
 * as blank (it is reported as an error, never silently scored).
 *
 * A valid entry is a whole number: it lies in 0–100 on the step, and every step is a whole
 * percentage (RULES.steps, asserted in test/core/differential.test.ts). So the tallies are plain
 * integers, exact as they are, added up without a fraction per entry.
 */
export type EntryCheck =
  | { ok: true; /** A whole percentage, 0–100. */ percent: number }
  | {
      ok: false;
      code: "entry-out-of-range" | "entry-looks-like-fraction" | "entry-off-step";
      suggestion?: string;
    };

export function checkEntry(value: number, step: Step): EntryCheck {
  const whole = wholePercent(value, onStepTable(step));
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

/**
 * The common case, without a fraction: an integer on the step within 0–100 is valid as it is. Such
 * a value fits an int32, so `value | 0` is the value itself (-0 | 0 is 0, so never -0), and whether
 * it is on the step is one look-up in a table of 0–100 (no division per entry).
 */
function wholePercent(value: number, onStep: Uint8Array): number | undefined {
  const whole = value | 0;
  if (whole !== value || whole < RULES.minPercent || whole > RULES.maxPercent) return undefined;
  return onStep[whole] === 1 ? whole : undefined;
}

/** The table of a step: [p] is 1 when the whole percentage p is a multiple of the step. */
function onStepTable(step: Step): Uint8Array {
  const table = ON_STEP.get(step);
  if (!table) throw new RangeError(`not a step of the rules: ${step}`);
  return table;
}

const ON_STEP = new Map(
  RULES.steps.map((step) => {
    const table = new Uint8Array(RULES.maxPercent + 1);
    for (let p = RULES.minPercent; p <= RULES.maxPercent; p++) table[p] = p % step === 0 ? 1 : 0;
    return [step as Step, table];
  }),
);

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

/**
 * The valid entries added up while they are read, so that the items' means and the evaluators'
 * totals need no second pass over the entries. Whole numbers, exact in doubles: a percentage total
 * is at most 100 × evaluators, a unit tally at most 10^6 per evaluator (100 points × 100 %).
 */
export interface EntryTallies {
  /** By place in ITEMS: how many valid entries the item has (excluded or not). */
  readonly itemEntries: Int32Array;
  /** By place in ITEMS: those entries' whole percentages added up. */
  readonly itemPercentTotals: Float64Array;
  /** By evaluator: how many applicable items they entered a valid value for. */
  readonly evaluatorItems: Int32Array;
  /** By evaluator: Σ hundredths of points × whole percentage (ENTRY_UNITS) over those items. */
  readonly evaluatorUnits: Float64Array;
}

export interface Entries {
  tallies: EntryTallies;
  issues: ValidationIssue[];
}

/**
 * Checks every entry once, reporting the invalid ones, and adds up the valid ones. The evaluators'
 * tallies leave out the `excluded` items, which count in no evaluator's total.
 */
export function readEntries(assessment: Assessment, excluded: ReadonlySet<string> = NONE): Entries {
  const issues: ValidationIssue[] = [];
  const count = assessment.evaluators.length;
  // Each row found once by its code, then read by its place in ITEMS.
  const rows: (readonly (number | null)[] | undefined)[] = new Array(ITEMS.length);
  for (const code of Object.keys(assessment.scores)) {
    const row = assessment.scores[code]!;
    const place = itemPlace(code);
    if (place === undefined) issues.push(issue("unknown-item", { field: "scores" }, { key: code }));
    else {
      rows[place] = row;
      if (row.length === count) continue;
      issues.push(
        issue(
          "row-length",
          { item: code, field: "scores" },
          { item: code, expected: count, actual: row.length },
        ),
      );
    }
  }
  const tallies: EntryTallies = {
    itemEntries: new Int32Array(ITEMS.length),
    itemPercentTotals: new Float64Array(ITEMS.length),
    evaluatorItems: new Int32Array(count),
    evaluatorUnits: new Float64Array(count),
  };
  const onStep = onStepTable(assessment.step); // one look-up per assessment, not per row
  for (let place = 0; place < ITEMS.length; place++) {
    const code = ITEMS[place]!.code;
    readRow(assessment, rows[place] ?? NO_ROW, code, place, onStep, !excluded.has(code), tallies, issues);
  }
  return { tallies, issues };
}

const NONE: ReadonlySet<string> = new Set();
const NO_ROW: readonly (number | null)[] = [];

/**
 * One item's valid entries added to the tallies (to the evaluators' only when the item is
 * `applicable`), its invalid ones reported. The loop is kept small (the uncommon entries in their
 * own function) so it compiles to a tight loop: it runs for every entry of every assessment.
 */
function readRow(
  assessment: Assessment,
  row: readonly (number | null)[],
  code: string,
  place: number,
  onStep: Uint8Array,
  applicable: boolean,
  tallies: EntryTallies,
  issues: ValidationIssue[],
): void {
  const { evaluatorItems, evaluatorUnits } = tallies;
  const count = evaluatorItems.length;
  const hundredths = HUNDREDTHS_IN_ORDER[place]!;
  let entries = 0;
  let total = 0;
  for (let index = 0; index < count; index++) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    const whole = wholePercent(value, onStep);
    const percent = whole !== undefined ? whole : uncommonEntry(assessment, code, index, value, issues);
    if (percent === null) continue;
    entries += 1;
    total += percent;
    if (!applicable) continue;
    evaluatorItems[index] = evaluatorItems[index]! + 1;
    evaluatorUnits[index] = evaluatorUnits[index]! + hundredths * percent;
  }
  tallies.itemEntries[place] = entries;
  tallies.itemPercentTotals[place] = total;
}

/**
 * The valid entries of every item as whole percentages, null for blank or invalid (unreported
 * here: readEntries reports them). For readers that need each entry, not only the tallies: the
 * agreement between evaluators.
 */
export function validPercents(assessment: Assessment): PercentTable {
  const { evaluators, step } = assessment;
  return new Map(
    ITEMS.map((item) => {
      const row = assessment.scores[item.code] ?? [];
      return [item.code, evaluators.map((_, index) => validPercent(row[index], step))];
    }),
  );
}

function validPercent(value: number | null | undefined, step: Step): number | null {
  if (value === null || value === undefined) return null;
  const check = checkEntry(value, step);
  return check.ok ? check.percent : null;
}

/** An entry that is not a whole percentage on the step: valid after all, or reported. */
function uncommonEntry(
  assessment: Assessment,
  code: string,
  index: number,
  value: number,
  issues: ValidationIssue[],
): number | null {
  const { step, evaluators } = assessment;
  const check = checkEntry(value, step);
  if (check.ok) return check.percent;
  issues.push(
    issue(
      check.code,
      { item: code, evaluator: index, field: "scores" },
      {
        item: code,
        evaluator: evaluatorLabel(evaluators[index]!, index),
        value: String(value),
        step,
        suggestion: check.suggestion,
      },
    ),
  );
  return null;
}
