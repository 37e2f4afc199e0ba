import { cellRef, parseRef } from "../address";
import { isPaneCell, PANE_NAMES } from "../highlight-marks";
import type { CellContent } from "../read/grid";
import { foldName as fold } from "../sheet-names";
import type { WorkbookLayout } from "../types";
import { agrees, describeCell, rowLabels, showContent, showValue } from "./cells";
import { FINGERPRINT_NAME } from "./fingerprint";
import { cellName, type Findings } from "./findings";
import { normaliseFormula, parseNameRef, shiftRows } from "./formula";
import { FINDING_MESSAGES as M } from "./messages";
import type { SheetPlan } from "./rows";
import type { SheetView, WorkbookView } from "./view";

/**
 * The comparisons of the layout with the workbook, each over a sheet's plan (rows.ts): formulas
 * and the constants the plan names (check.ts), the defined names and the fingerprint (check.ts),
 * and the values the formulas show against the engine's (check.ts for the Summary, engine.ts for
 * every computed figure).
 */

const TEXT_MESSAGES: Record<"catalogue" | "helper" | "rules", typeof M.catalogueChanged> = {
  catalogue: M.catalogueChanged,
  helper: M.helperChanged,
  rules: M.rulesChanged,
};

/** Every formula of the sheet, and the constants `kindOf` names, against the workbook's cells. */
export function compareCells(
  plan: SheetPlan<SheetView>,
  nameOfCell: Map<string, string>,
  findings: Findings,
): void {
  const { spec, actual } = plan;
  const labels = rowLabels(spec);
  for (const cell of spec.cells) {
    // What the task pane writes after generating (highlight store, engine check) is not StarScore's text.
    if (isPaneCell(spec.key, cell.ref)) continue;
    const { row: layoutRow, column } = parseRef(cell.ref);
    const kind = cell.formula === undefined ? plan.kindOf(layoutRow, column) : undefined;
    if (
      cell.formula === undefined &&
      (kind === undefined || cell.value === null || cell.value === undefined)
    ) {
      continue;
    }
    const row = plan.rowOf(layoutRow);
    if (row === undefined) continue;
    const ref = cellRef(column, row);
    const what =
      nameOfCell.get(`${spec.key}!${cell.ref}`) ?? describeCell(spec, labels, cell, layoutRow, column);
    const place = { sheet: actual.name, ref, what };
    const name = cellName(actual.name, ref);
    const formula = actual.formula(row, column);
    const content = actual.at(row, column);
    if (cell.formula !== undefined) {
      const want = shiftRows(cell.formula, row - layoutRow);
      if (formula === undefined) {
        const found = showContent(content);
        findings.add(
          { code: "formula-overwritten", ...place, expected: want, found },
          M.formulaOverwritten(name, what, found, want),
        );
      } else if (normaliseFormula(formula) !== normaliseFormula(want)) {
        const found = withEquals(formula);
        findings.add(
          { code: "formula-changed", ...place, expected: want, found },
          M.formulaChanged(name, what, found, want),
        );
      }
      continue;
    }
    const value = cell.value!;
    if (formula === undefined && sameConstant(content, value)) continue;
    const found = formula === undefined ? showContent(content) : withEquals(formula);
    const expected = showValue(value);
    findings.add(
      { code: `${kind!}-changed`, ...place, expected, found },
      TEXT_MESSAGES[kind!](name, what, found, expected),
    );
  }
}

const withEquals = (formula: string) =>
  formula.trimStart().startsWith("=") ? formula.trim() : `=${formula.trim()}`;

/** A constant as the layout wrote it: text exactly (line breaks either way), numbers within 1e-9. */
function sameConstant(content: CellContent, value: string | number | boolean): boolean {
  if (typeof value === "number") return content.kind === "number" && Math.abs(content.value - value) <= 1e-9;
  if (typeof value === "string") {
    return content.kind === "text" && content.value.replace(/\r\n?/g, "\n") === value.replace(/\r\n?/g, "\n");
  }
  return agrees(content, value);
}

/** The layout's defined names: each must exist and refer to its cell. */
export function compareNames(
  expected: WorkbookLayout,
  actual: WorkbookView,
  skipped: Set<string>,
  findings: Findings,
): void {
  const names = new Map([...actual.names].map(([name, ref]) => [fold(name), ref]));
  for (const { name, ref } of expected.names) {
    if (skipped.has(name) || PANE_NAMES.includes(name)) continue;
    const target = parseNameRef(ref)!;
    const place = {
      sheet: target.sheet,
      ref: target.ref,
      what: name,
      expected: cellName(target.sheet, target.ref),
    };
    const found = names.get(fold(name));
    if (found === undefined) {
      findings.add({ code: "name-missing", ...place }, M.nameMissing(name, place.expected));
      continue;
    }
    const at = parseNameRef(found);
    if (at && fold(at.sheet) === fold(target.sheet) && at.ref === target.ref) continue;
    const shown = at ? cellName(at.sheet, at.ref) : found.replace(/^=/, "");
    findings.add({ code: "name-moved", ...place, found: shown }, M.nameMoved(name, shown, place.expected));
  }
}

/** The fingerprint cell (where the layout puts it) must hold the layout's fingerprint. */
export function compareFingerprint(expected: WorkbookLayout, actual: WorkbookView, findings: Findings): void {
  const defined = expected.names.find((n) => n.name === FINGERPRINT_NAME);
  const target = defined && parseNameRef(defined.ref);
  const spec = expected.sheets.find((s) => s.key === "info");
  const sheet = spec && actual.sheet(spec.name);
  if (!target || !spec || !sheet) return;
  const cell = spec.cells.find((c) => c.ref === target.ref);
  if (typeof cell?.value !== "string") return;
  const { row, column } = parseRef(target.ref);
  const content = sheet.at(row, column);
  const found = sheet.formula(row, column) === undefined ? showContent(content).trim() : "";
  const place = { sheet: sheet.name, ref: target.ref, what: FINGERPRINT_NAME, expected: cell.value };
  const name = cellName(sheet.name, target.ref);
  if (found === "") {
    findings.add({ code: "fingerprint-missing", ...place }, M.fingerprintMissing(name));
  } else if (found.toLowerCase() !== cell.value) {
    findings.add(
      { code: "fingerprint-differs", ...place, found },
      M.fingerprintDiffers(name, found, cell.value),
    );
  }
}

/** A figure the workbook shows that is not the engine's. */
export interface ValueDifference {
  /** The sheet, as the workbook spells it, and the A1 address on it. */
  sheet: string;
  ref: string;
  /** What the cell is: "B3 得分", "Result_FinalScore". */
  what: string;
  /** What the cell shows, and what the engine computes, as text. */
  found: string;
  expected: string;
}

/**
 * The figures a sheet shows against the engine's (the layout's cached values: numbers within 1e-6,
 * text and logical values exactly). A cell without a computed result (a file written without cached
 * values) has nothing to compare.
 */
export function valueDifferences(plan: SheetPlan, nameOfCell: Map<string, string>): ValueDifference[] {
  const { spec, actual } = plan;
  const labels = rowLabels(spec);
  const out: ValueDifference[] = [];
  for (const cell of spec.cells) {
    if (cell.formula === undefined || cell.cached === undefined) continue;
    const { row: layoutRow, column } = parseRef(cell.ref);
    const row = plan.rowOf(layoutRow);
    if (row === undefined) continue;
    const content = actual.at(row, column);
    if (content.kind === "uncomputed" || agrees(content, cell.cached)) continue;
    out.push({
      sheet: actual.name,
      ref: cellRef(column, row),
      what: nameOfCell.get(`${spec.key}!${cell.ref}`) ?? describeCell(spec, labels, cell, layoutRow, column),
      found: showContent(content),
      expected: showValue(cell.cached),
    });
  }
  return out;
}

/** valueDifferences as findings; cells already found at fault are not reported twice. */
export function compareValues(plan: SheetPlan, nameOfCell: Map<string, string>, findings: Findings): void {
  for (const d of valueDifferences(plan, nameOfCell)) {
    if (findings.has(d.sheet, d.ref)) continue;
    findings.add(
      { code: "value-differs", ...d },
      M.valueDiffers(cellName(d.sheet, d.ref), d.what, d.found, d.expected),
    );
  }
}
