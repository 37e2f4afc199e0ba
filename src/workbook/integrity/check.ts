import { SHEET_NAMES } from "../labels";
import type { SheetKey, WorkbookLayout } from "../types";
import { definedNameCells } from "./cells";
import { compareCells, compareFingerprint, compareNames, compareValues } from "./compare";
import { Findings, type IntegrityFinding } from "./findings";
import { FINDING_MESSAGES as M } from "./messages";
import { planSheet, type SheetPlan } from "./rows";
import { layoutGate } from "./version";
import { layoutView, type SheetView, type WorkbookView } from "./view";

/**
 * The as-written check (`starscore verify`, the pane's "check integrity"): the workbook against the
 * layout StarScore would write for the assessment it holds: did anyone change what StarScore wrote,
 * other than the inputs? `expected` is buildWorkbookLayout for the assessment read from the
 * workbook, in its language (verify.ts builds it); `actual` is the workbook (ExcelJS or Office.js
 * underneath). Found, each with its cell:
 *
 * - a formula typed over with a value, or edited (formulas are compared as Excel reads them:
 *   formula.ts); on the Scoring sheet rows are found by their code (rows.ts);
 * - catalogue text or points changed: the code, clause, check content, points and criterion of
 *   every item, the indicators' and primary indicators' rows, the Summary's indicator ids, names
 *   and weights; the hidden helper cells the formulas read (indicator id, primary id, included);
 * - the Rules sheet changed: rule constants, grade thresholds and labels, bands, rules text, lists;
 * - a defined name (Result_*, Rule_*, Label_*, Setting_Step, Special_*, StarScore_Fingerprint)
 *   missing or referring to another cell;
 * - the catalogue and rules fingerprint missing or not this StarScore's; an older layout version
 *   is said to be one (and what changed since is not compared), not called tampered with
 *   (version.ts);
 * - the Summary showing figures the engine does not compute from the same inputs (where the
 *   workbook carries values: a file written without cached results has none to compare).
 *
 * Inputs (entries, flags, reasons, notes, evaluators, the Info fields, the Special tables) are the
 * user's to change and are never findings; `starscore score` and the pane's validate judge them.
 */
export function checkAsWritten(expected: WorkbookLayout, actual: WorkbookView): IntegrityFinding[] {
  const findings = new Findings(expected);
  const expectedView = layoutView(expected);
  const skipped = layoutGate(expected, actual, findings);
  if (skipped === "newer") return findings.sorted();

  const plans: SheetPlan<SheetView>[] = [];
  for (const spec of expected.sheets) {
    if (NOT_COMPARED.includes(spec.key) || skipped.sheets.has(spec.key)) continue;
    const sheet = actual.sheet(spec.name);
    if (!sheet) {
      const other = SHEET_NAMES[spec.key][expected.lang === "zh" ? "en" : "zh"];
      findings.add(
        { code: "sheet-missing", sheet: spec.name, what: spec.name },
        M.sheetMissing(spec.name, other),
      );
      continue;
    }
    const plan = planSheet(spec, sheet, expectedView.sheet(spec.name)!, expected, findings);
    if (plan) plans.push(plan);
  }

  const nameOfCell = definedNameCells(expected);
  for (const plan of plans) compareCells(plan, nameOfCell, findings);
  compareNames(expected, actual, skipped.names, findings);
  if (!skipped.sheets.has("info")) compareFingerprint(expected, actual, findings);
  for (const plan of plans) if (plan.spec.key === "summary") compareValues(plan, nameOfCell, findings);
  return findings.sorted();
}

/**
 * Sheets this check leaves alone: the audit log is the task pane's record of its actions (rows it
 * appends), checked with the finalisation snapshot by src/workbook/audit/check.ts.
 */
const NOT_COMPARED: readonly SheetKey[] = ["audit"];
