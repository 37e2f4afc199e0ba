import { cellRef, sheetRef } from "../address";
import type { InfoField } from "./info";
import type { ScoringGeometry } from "./scoring";
import type { PlanGeometry } from "./plan";
import type { SpecialGeometry } from "./special";

/**
 * Where each input of the assessment lives in the workbook that was read: built from the rows and
 * columns the readers found (so a sorted Scoring sheet still maps right), it turns the place of an
 * engine issue (item + evaluator, an exclusion key, deductions[2].description) into the cell to
 * select, "'评分'!H7" style (sheet-qualified, quoted). Undefined when the workbook has no such cell.
 */
export interface WorkbookGeometry {
  sheets: { info: string; scoring: string; special: string };
  info: Record<InfoField, number>;
  scoring: ScoringGeometry;
  special: SpecialGeometry;
  /** The Plan sheet, when the workbook has one. */
  plan?: PlanGeometry;
  /** Whether the workbook has the (optional) Report sheet: its cells are formulas, nothing to read. */
  report?: boolean;
}

export type DeductionField =
  "category" | "description" | "item" | "evidence" | "rectification" | "deadline" | "status";

export type BonusField = "points" | "reason";

export interface CellLocator {
  /** Evaluator `evaluator`'s entry for an item. */
  entry(item: string, evaluator: number): string | undefined;
  /** The applicable flag of an item or indicator ("B10", "5.2.3"). */
  flag(key: string): string | undefined;
  /** The exclusion reason beside the flag. */
  reason(key: string): string | undefined;
  notes(item: string): string | undefined;
  /** Evaluator column's header (its name). */
  evaluator(evaluator: number): string | undefined;
  /** A field of deductions[index], the index in the assessment (blank rows are skipped). */
  deduction(index: number, field: DeductionField): string | undefined;
  bonus(index: number, field: BonusField): string | undefined;
  /** An Info field's value cell. */
  info(field: InfoField): string | undefined;
  /** An item's target on the Plan sheet. */
  planTarget(item: string): string | undefined;
}

const DEDUCTION_COLUMN = {
  category: "category",
  description: "description",
  item: "relatedItem",
  evidence: "evidence",
  rectification: "rectification",
  deadline: "deadline",
  status: "status",
} as const;

export function cellLocator(g: WorkbookGeometry): CellLocator {
  const c = g.scoring.columns;
  const evaluators = c.score - c.firstEvaluator;
  const scoring = (row: number | undefined, column: number) =>
    row === undefined ? undefined : sheetRef(g.sheets.scoring, cellRef(column, row));
  const special = (row: number | undefined, column: number) =>
    row === undefined ? undefined : sheetRef(g.sheets.special, cellRef(column, row));
  return {
    entry: (item, k) =>
      Number.isInteger(k) && k >= 0 && k < evaluators
        ? scoring(g.scoring.rows.get(item), c.firstEvaluator + k)
        : undefined,
    flag: (key) => scoring(g.scoring.rows.get(key), c.applicable),
    reason: (key) => scoring(g.scoring.rows.get(key), c.reason),
    notes: (item) => scoring(g.scoring.rows.get(item), c.notes),
    evaluator: (k) =>
      Number.isInteger(k) && k >= 0 && k < evaluators ? scoring(c.header, c.firstEvaluator + k) : undefined,
    deduction: (index, field) =>
      special(g.special.deductionRows[index], g.special.deductions.columns[DEDUCTION_COLUMN[field]]),
    bonus: (index, field) =>
      special(
        g.special.bonusRows[index],
        g.special.bonus.columns[field === "points" ? "bonusPoints" : "bonusReason"],
      ),
    info: (field) => sheetRef(g.sheets.info, cellRef(2, g.info[field])),
    planTarget: (item) => {
      const row = g.plan?.rows.get(item);
      return g.plan && row !== undefined ? sheetRef(g.plan.sheet, cellRef(g.plan.column, row)) : undefined;
    },
  };
}
