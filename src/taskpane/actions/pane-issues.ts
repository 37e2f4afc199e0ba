import type { Assessment } from "../../assessment/schema";
import type { ValidationIssue } from "../../core/issues";
import { indicatorById, itemByCode } from "../../spec";
import { cellRef, sheetRef } from "../../workbook/address";
import type { CellLocator, DeductionField } from "../../workbook/read/locator";
import type { ReadIssue, ReadProblem } from "../../workbook/read/workbook";
import type { PaneIssue, ValidationReport } from "./types";
import { SPECIAL_LAYOUT } from "../../workbook/sheets/special";

/**
 * Issues as the pane lists them, each with the cell to go to: the reader's (an entry cell that is
 * not a number) and the engine's, whose place (item and evaluator, an exclusion key,
 * deductions[2].description) the workbook's locator turns into a cell.
 */
export function readerIssue(issue: ReadIssue): PaneIssue {
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    item: issue.item,
    evaluator: issue.evaluator,
    cell: issue.cell,
  };
}

/** A problem that stopped the read (a missing header, an unknown assessment type). */
export function problemIssue(problem: ReadProblem): PaneIssue {
  return {
    code: "workbook-unreadable",
    severity: "error",
    message: problem.message,
    ...(problem.sheet !== undefined &&
      problem.ref !== undefined && { cell: sheetRef(problem.sheet, problem.ref) }),
  };
}

export function engineIssue(issue: ValidationIssue, assessment: Assessment, locator: CellLocator): PaneIssue {
  const cell = cellOfIssue(issue, assessment, locator);
  // An exclusion's issue is about what it excludes: an item, or a whole indicator.
  const excluded = /^exclusions\.(.+)$/.exec(issue.field ?? "")?.[1];
  const about =
    issue.item !== undefined
      ? { item: issue.item }
      : excluded === undefined
        ? {}
        : itemByCode(excluded)
          ? { item: excluded }
          : indicatorById(excluded)
            ? { indicator: excluded }
            : {};
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    ...about,
    ...(issue.evaluator !== undefined && { evaluator: issue.evaluator }),
    ...(cell !== undefined && { cell }),
  };
}

/** The deductions table's fields, as the Special sheet lays them out (its "number" column is not one). */
const DEDUCTION_FIELDS = new Set<string>(SPECIAL_LAYOUT.deductionColumns.filter((c) => c !== "number"));

/** The cell an engine issue is about: where to type the fix. */
export function cellOfIssue(
  issue: ValidationIssue,
  assessment: Assessment,
  locator: CellLocator,
): string | undefined {
  const field = issue.field ?? "";
  const deduction = /^deductions\[(\d+)\]\.(\w+)$/.exec(field);
  if (deduction && DEDUCTION_FIELDS.has(deduction[2]!)) {
    return locator.deduction(Number(deduction[1]), deduction[2] as DeductionField);
  }
  const bonus = /^bonus\[(\d+)\]\.(points|reason)$/.exec(field);
  if (bonus) return locator.bonus(Number(bonus[1]), bonus[2] as "points" | "reason");
  const target = /^planTargets\.(.+)$/.exec(field);
  if (target) return locator.planTarget(target[1]!);
  const exclusion = /^exclusions\.(.+)$/.exec(field);
  if (exclusion) {
    const key = exclusion[1]!;
    return issue.code === "exclusion-no-reason" ? locator.reason(key) : locator.flag(key);
  }
  switch (issue.code) {
    case "exclusion-has-entries": {
      // The flag that excludes it: the item's own, else its indicator's.
      const item = issue.item!;
      const key = assessment.exclusions?.[item] !== undefined ? item : itemByCode(item)?.indicator;
      return key === undefined ? undefined : locator.flag(key);
    }
    case "item-unscored":
      return issue.item === undefined ? undefined : locator.entry(issue.item, 0);
    case "evaluator-no-entries":
      return issue.evaluator === undefined ? undefined : locator.evaluator(issue.evaluator);
    case "lead-auditor-unknown":
    case "lead-auditor-visit":
      return locator.info("leadAuditor");
    case "bonus-over-cap":
      return locator.bonus(0, "points");
    default:
      return issue.item !== undefined && issue.evaluator !== undefined
        ? locator.entry(issue.item, issue.evaluator)
        : undefined;
  }
}

export function report(issues: PaneIssue[]): ValidationReport {
  return {
    issues,
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
  };
}

/** "'评分'!H7" from a sheet name and row/column. */
export function cellName(sheet: string, row: number, column: number): string {
  return sheetRef(sheet, cellRef(column, row));
}
