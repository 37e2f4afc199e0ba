import { indicatorById, itemByCode, PRIMARY_INDICATORS } from "../../spec";
import type { Localized } from "../../spec/types";
import { cellRef, parseRef, sheetRef } from "../address";
import { SHEET_NAMES } from "../labels";
import { ReadLog, SheetReader } from "../read/cells";
import type { CellContent } from "../read/grid";
import { infoRows } from "../read/info";
import { findColumns, findRows, type ScoringColumnsFound } from "../read/scoring";
import { readSpecial, type SpecialGeometry } from "../read/special";
import { FIRST_BODY_ROW, LAST_BODY_ROW, scoringColumns, scoringRows } from "../scoring-grid";
import type { SheetKey, SheetSpec, WorkbookLayout } from "../types";
import { agrees, definedNameCells, describeCell, rowLabels, showContent, showValue } from "./cells";
import { FINGERPRINT_NAME } from "./fingerprint";
import { normalizeFormula, parseNameRef, shiftRows } from "./formula";
import { FINDING_MESSAGES as M } from "./messages";
import { layoutView, type SheetView, type WorkbookView } from "./view";
import { foldName as fold } from "../sheet-names";

/**
 * The workbook against the layout StarScore would write for the assessment it holds: did anyone
 * change what StarScore wrote, other than the inputs? `expected` is buildWorkbookLayout for the
 * assessment read from the workbook, in its language (verify.ts builds it); `actual` is the
 * workbook (ExcelJS or Office.js underneath). Found, each with its cell:
 *
 * - a formula typed over with a value, or edited (formulas are compared as Excel reads them:
 *   formula.ts); on the Scoring sheet rows are found by their code, so a sorted sheet is compared
 *   row by row, each layout formula moved to the row its item is on, as Excel's sort moves it;
 * - catalogue text or points changed: the code, clause, check content, points and criterion of
 *   every item, the indicators' and primary indicators' rows, the Summary's indicator ids, names
 *   and weights; the hidden helper cells the formulas read (indicator id, primary id, included);
 * - the Rules sheet changed: rule constants, grade thresholds and labels, bands, rules text, lists;
 * - a defined name (Result_*, Rule_*, Label_*, Setting_Step, Special_*, StarScore_Fingerprint)
 *   missing or referring to another cell;
 * - the catalogue and rules fingerprint missing or not this StarScore's; an older layout version
 *   is said to be one (and what changed since is not compared), not called tampered with;
 * - the Summary showing figures the engine does not compute from the same inputs (where the
 *   workbook carries values: a file written without cached results has none to compare).
 *
 * Inputs (entries, flags, reasons, notes, evaluators, the Info fields, the Special tables) are the
 * user's to change and are never findings; `starscore score` and the pane's validate judge them.
 */
export const INTEGRITY_CODES = [
  "formula-overwritten",
  "formula-changed",
  "catalogue-changed",
  "helper-changed",
  "rules-changed",
  "row-missing",
  "sheet-missing",
  "shape-changed",
  "name-missing",
  "name-moved",
  "fingerprint-missing",
  "fingerprint-differs",
  "layout-older",
  "layout-newer",
  "value-differs",
] as const;

export type IntegrityCode = (typeof INTEGRITY_CODES)[number];

export interface IntegrityFinding {
  code: IntegrityCode;
  /** The sheet, as the workbook spells it, when the finding is about a sheet or a cell. */
  sheet?: string;
  /** A1 address on `sheet`, when the finding is about one cell. */
  ref?: string;
  /** "'评分'!N9": sheet-qualified and quoted, for selecting the cell. */
  cell?: string;
  /** What the cell is: "B3 得分", "Result_FinalScore", in the workbook's language. */
  what: string;
  /** What StarScore wrote (a formula "=…", a value as text), and what the cell holds. */
  expected?: string;
  found?: string;
  message: Localized;
}

/**
 * What each layout version changed, so that a workbook of an older version is compared only on
 * what is laid out as it was: the sheets whose cells moved and the names that were added.
 */
export const LAYOUT_CHANGES: Record<number, { sheets: SheetKey[]; names: string[] }> = {
  2: { sheets: ["info"], names: [FINGERPRINT_NAME] },
  // The formulas that needed array evaluation rewritten; the fingerprint hashes the version too.
  3: { sheets: ["info", "scoring", "special"], names: [] },
};

/**
 * Sheets this check leaves alone: the audit log is the task pane's record of its actions (rows it
 * appends), checked with the finalisation snapshot by src/workbook/audit/check.ts.
 */
const NOT_COMPARED: readonly SheetKey[] = ["audit"];

type Kind = "catalogue" | "helper" | "rules";

interface SheetPlan {
  spec: SheetSpec;
  actual: SheetView;
  /** Layout row → the workbook's row; undefined when the row is not in the workbook. */
  rowOf: (row: number) => number | undefined;
  /** Which constant cells of the layout are compared, and as what. */
  kindOf: (row: number, column: number) => Kind | undefined;
}

export function checkIntegrity(expected: WorkbookLayout, actual: WorkbookView): IntegrityFinding[] {
  const findings = new Findings(expected);
  const expectedView = layoutView(expected);
  const skipped = checkVersion(expected, actual, findings);
  if (skipped === "newer") return findings.sorted();

  const plans: SheetPlan[] = [];
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

/** The findings so far: one per cell (the first found), sorted by sheet, row and column at the end. */
class Findings {
  private readonly list: IntegrityFinding[] = [];
  private readonly cells = new Set<string>();
  private readonly order: Map<string, number>;

  constructor(layout: WorkbookLayout) {
    this.order = new Map(layout.sheets.map((s, i) => [fold(s.name), i]));
  }

  has(sheet: string, ref: string): boolean {
    return this.cells.has(`${fold(sheet)}!${ref}`);
  }

  add(finding: Omit<IntegrityFinding, "message" | "cell">, message: Localized): void {
    if (finding.sheet !== undefined && finding.ref !== undefined) {
      const key = `${fold(finding.sheet)}!${finding.ref}`;
      if (this.cells.has(key)) return;
      this.cells.add(key);
    }
    const cell =
      finding.sheet !== undefined && finding.ref !== undefined
        ? sheetRef(finding.sheet, finding.ref)
        : undefined;
    this.list.push({ ...finding, ...(cell && { cell }), message });
  }

  sorted(): IntegrityFinding[] {
    const position = (f: IntegrityFinding) => {
      const sheet = f.sheet === undefined ? -1 : (this.order.get(fold(f.sheet)) ?? this.order.size);
      const { row, column } = f.ref ? parseRef(f.ref) : { row: 0, column: 0 };
      return [sheet, row, column];
    };
    return this.list
      .map((f, i) => ({ f, i, p: position(f) }))
      .sort((a, b) => a.p[0]! - b.p[0]! || a.p[1]! - b.p[1]! || a.p[2]! - b.p[2]! || a.i - b.i)
      .map(({ f }) => f);
  }
}

const cellName = (sheet: string, ref: string) => `${sheet}!${ref}`;

/**
 * The workbook's layout version against the expected one: an older workbook is said to be one,
 * and what changed since is left out; a newer one cannot be compared at all.
 */
function checkVersion(
  expected: WorkbookLayout,
  actual: WorkbookView,
  findings: Findings,
): { sheets: Set<SheetKey>; names: Set<string> } | "newer" {
  const skipped = { sheets: new Set<SheetKey>(), names: new Set<string>() };
  const info = expected.sheets.find((s) => s.key === "info");
  const sheet = info && actual.sheet(info.name);
  if (!info || !sheet) return skipped;
  const row = infoRows(new SheetReader(sheet, new ReadLog())).layoutVersion;
  const content = sheet.at(row, 2);
  if (content.kind !== "number" || content.value === expected.layoutVersion) return skipped;
  const ref = cellRef(2, row);
  const what = labelOf(sheet, row) ?? ref;
  if (content.value > expected.layoutVersion) {
    findings.add(
      { code: "layout-newer", sheet: sheet.name, ref, what, found: String(content.value) },
      M.layoutNewer(cellName(sheet.name, ref), content.value, expected.layoutVersion),
    );
    return "newer";
  }
  findings.add(
    { code: "layout-older", sheet: sheet.name, ref, what, found: String(content.value) },
    M.layoutOlder(cellName(sheet.name, ref), content.value, expected.layoutVersion),
  );
  for (let v = Math.floor(content.value) + 1; v <= expected.layoutVersion; v++) {
    LAYOUT_CHANGES[v]?.sheets.forEach((key) => skipped.sheets.add(key));
    LAYOUT_CHANGES[v]?.names.forEach((name) => skipped.names.add(name));
  }
  return skipped;
}

function labelOf(sheet: SheetView, row: number): string | undefined {
  const label = sheet.at(row, 1);
  return label.kind === "text" ? label.value : undefined;
}

function planSheet(
  spec: SheetSpec,
  actual: SheetView,
  expected: SheetView,
  layout: WorkbookLayout,
  findings: Findings,
): SheetPlan | undefined {
  const identity = (row: number) => row;
  switch (spec.key) {
    case "scoring":
      return planScoring(spec, actual, expected, layout, findings);
    case "special": {
      const e = specialGeometry(expected);
      const a = specialGeometry(actual);
      if (!e || !a || !sameTables(e, a)) {
        findings.add(
          { code: "shape-changed", sheet: actual.name, what: actual.name },
          M.shapeChanged(actual.name),
        );
        return undefined;
      }
      return { spec, actual, rowOf: identity, kindOf: () => undefined };
    }
    case "summary": {
      const indicatorRows = new Set(
        spec.cells
          .filter((c) => /^A\d+$/.test(c.ref) && typeof c.value === "string" && indicatorById(c.value))
          .map((c) => parseRef(c.ref).row),
      );
      return {
        spec,
        actual,
        rowOf: identity,
        kindOf: (row, column) => (indicatorRows.has(row) && column <= 3 ? "catalogue" : undefined),
      };
    }
    case "rules":
      return { spec, actual, rowOf: identity, kindOf: () => "rules" };
    case "info":
      return { spec, actual, rowOf: identity, kindOf: () => undefined };
    default:
      return undefined;
  }
}

function specialGeometry(sheet: SheetView): SpecialGeometry | undefined {
  return readSpecial(new SheetReader(sheet, new ReadLog()))?.geometry;
}

function sameTables(a: SpecialGeometry, b: SpecialGeometry): boolean {
  const same = (x: { firstRow: number; lastRow: number; columns: object }, y: typeof x) =>
    x.firstRow === y.firstRow &&
    x.lastRow === y.lastRow &&
    JSON.stringify(x.columns) === JSON.stringify(y.columns);
  return same(a.deductions, b.deductions) && same(a.bonus, b.bonus);
}

/**
 * The Scoring sheet: its columns must be where the layout has them; its body rows are found by
 * their code in column A (primary indicators, which have none, by their name), wherever sorting
 * put them. A row whose code was changed is found by its clause or check content.
 */
function planScoring(
  spec: SheetSpec,
  actual: SheetView,
  expected: SheetView,
  layout: WorkbookLayout,
  findings: Findings,
): SheetPlan | undefined {
  const readerA = new SheetReader(actual, new ReadLog());
  const readerE = new SheetReader(expected, new ReadLog());
  const colsA = findColumns(readerA);
  const colsE = findColumns(readerE);
  if (!colsA || !colsE || !sameColumns(colsA, colsE) || !sameHeaders(spec, colsE.header, readerA)) {
    findings.add(
      { code: "shape-changed", sheet: actual.name, what: actual.name },
      M.shapeChanged(actual.name),
    );
    return undefined;
  }
  const c = scoringColumns(colsE.score - colsE.firstEvaluator);
  const found = new Map(findRows(readerA, colsA));
  const claimed = new Set(found.values());
  const free = (row: number) => row >= FIRST_BODY_ROW && row <= LAST_BODY_ROW && !claimed.has(row);
  const claim = (id: string, match: (row: number) => boolean) => {
    for (let row = FIRST_BODY_ROW; row <= LAST_BODY_ROW; row++) {
      if (free(row) && match(row)) {
        found.set(id, row);
        claimed.add(row);
        return;
      }
    }
  };
  const label = (row: number, column: number) => readerA.label(row, column);
  const layoutRows = scoringRows();
  for (const { kind, id } of layoutRows) {
    if (found.has(id)) continue;
    if (kind === "primary") {
      const name = PRIMARY_INDICATORS.find((p) => p.id === id)!.name;
      claim(id, (row) => label(row, c.code) === "" && [name.zh, name.en].includes(label(row, c.content)));
    } else if (kind === "item") {
      const item = itemByCode(id)!;
      claim(id, (row) => label(row, c.clause) === item.clause);
      if (!found.has(id)) claim(id, (row) => label(row, c.content) === item.content);
    } else {
      const indicator = indicatorById(id)!;
      claim(id, (row) => label(row, c.clause) === indicator.specClause);
    }
    if (!found.has(id)) {
      const what = kind === "primary" ? PRIMARY_INDICATORS.find((p) => p.id === id)!.name[layout.lang] : id;
      findings.add({ code: "row-missing", sheet: actual.name, what }, M.rowMissing(actual.name, what));
    }
  }
  const idOfRow = new Map(layoutRows.map((r) => [r.row, r.id]));
  const catalogue = new Set([c.code, c.clause, c.content, c.points, c.criterion]);
  const helpers = new Set([c.indicator, c.primary, c.included]);
  return {
    spec,
    actual,
    rowOf: (row) => {
      const id = idOfRow.get(row);
      return id === undefined ? row : found.get(id);
    },
    kindOf: (row, column) => {
      if (row < FIRST_BODY_ROW || row > LAST_BODY_ROW) return undefined;
      if (catalogue.has(column)) return "catalogue";
      if (helpers.has(column)) return "helper";
      return undefined;
    },
  };
}

/** Every header StarScore wrote (not the evaluators' names, which are inputs) where it wrote it. */
function sameHeaders(spec: SheetSpec, header: number, actual: SheetReader): boolean {
  return spec.cells.every((cell) => {
    const { row, column } = parseRef(cell.ref);
    if (row !== header || cell.input || typeof cell.value !== "string") return true;
    return actual.label(row, column) === cell.value.trim();
  });
}

function sameColumns(a: ScoringColumnsFound, b: ScoringColumnsFound): boolean {
  return (
    a.header === b.header &&
    a.applicable === b.applicable &&
    a.reason === b.reason &&
    a.firstEvaluator === b.firstEvaluator &&
    a.score === b.score &&
    a.notes === b.notes
  );
}

/** Every formula of the sheet, and the constants `kindOf` names, against the workbook's cells. */
function compareCells(plan: SheetPlan, nameOfCell: Map<string, string>, findings: Findings): void {
  const { spec, actual } = plan;
  const labels = rowLabels(spec);
  for (const cell of spec.cells) {
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
      } else if (normalizeFormula(formula) !== normalizeFormula(want)) {
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
    const message = { catalogue: M.catalogueChanged, helper: M.helperChanged, rules: M.rulesChanged }[kind!];
    findings.add(
      { code: `${kind!}-changed`, ...place, expected, found },
      message(name, what, found, expected),
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
function compareNames(
  expected: WorkbookLayout,
  actual: WorkbookView,
  skipped: Set<string>,
  findings: Findings,
): void {
  const names = new Map([...actual.names].map(([name, ref]) => [fold(name), ref]));
  for (const { name, ref } of expected.names) {
    if (skipped.has(name)) continue;
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
function compareFingerprint(expected: WorkbookLayout, actual: WorkbookView, findings: Findings): void {
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

/**
 * The figures a sheet shows against the engine's (the layout's cached values), where the workbook
 * carries them; cells already found at fault are not reported twice.
 */
function compareValues(plan: SheetPlan, nameOfCell: Map<string, string>, findings: Findings): void {
  const { spec, actual } = plan;
  const labels = rowLabels(spec);
  for (const cell of spec.cells) {
    if (cell.formula === undefined || cell.cached === undefined) continue;
    const { row: layoutRow, column } = parseRef(cell.ref);
    const row = plan.rowOf(layoutRow);
    if (row === undefined) continue;
    const ref = cellRef(column, row);
    if (findings.has(actual.name, ref)) continue;
    const content = actual.at(row, column);
    if (content.kind === "uncomputed" || agrees(content, cell.cached)) continue;
    const what =
      nameOfCell.get(`${spec.key}!${cell.ref}`) ?? describeCell(spec, labels, cell, layoutRow, column);
    const found = showContent(content);
    const expected = showValue(cell.cached);
    findings.add(
      { code: "value-differs", sheet: actual.name, ref, what, expected, found },
      M.valueDiffers(cellName(actual.name, ref), what, found, expected),
    );
  }
}
