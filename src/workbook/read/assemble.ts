import { ASSESSMENT_FORMAT } from "../../assessment/format";
import type { Assessment } from "../../assessment/schema";
import { RULES } from "../../spec/rules";
import type { Lang, Localised } from "../../spec/types";
import { itemByCode } from "../../spec";
import { cellRef, columnLetter, parseRef } from "../address";
import { SHEET_NAMES } from "../labels";
import { ReadLog, SheetReader, type ReadProblem } from "./cells";
import type { Grid } from "./grid";
import { infoRows, readInfo } from "./info";
import type { ReadIssue } from "./issues";
import { cellLocator, type CellLocator, type WorkbookGeometry } from "./locator";
import { isLabel } from "./lookup";
import { MESSAGES } from "./messages";
import { readScoring } from "./scoring";
import { readPlan } from "./plan";
import { readSpecial } from "./special";
import { isStarScoreSheet, sheetNameLang } from "../sheet-names";

export type { ReadProblem } from "./cells";
export type { ReadIssue, ReadIssueCode } from "./issues";
export type { CellLocator, WorkbookGeometry } from "./locator";

/**
 * A StarScore workbook back into its assessment file, from its sheets as grids (ExcelJS or
 * Office.js underneath). It reads the user's inputs (Info, the Scoring entries, notes and
 * exclusions, the Special tables), never the formulas' results, so the engine scores what the user
 * typed afresh.
 *
 * An entry cell holding text, an error, a logical value or a date does not stop the read: it is an
 * issue (with its cell and what to type instead) and the entry reads as blank. Anything else that
 * cannot be read (a missing header, an unknown assessment type or category) is a problem that does.
 * `errors` lists every message of either kind in the order found, in the caller's language.
 */
export type ReadResult =
  | {
      ok: true;
      assessment: Assessment;
      /** The workbook's language (its sheet names). */
      lang: Lang;
      /** The Info sheet's layout version; 0 for a workbook made before the layout had one. */
      layoutVersion: number;
      /** The catalogue and rules fingerprint on the Info sheet; "" when it has none. */
      fingerprint: string;
      /** Sheets that are not StarScore's (when the source listed its sheets): not read. */
      otherSheets: string[];
      issues: ReadIssue[];
      /** The cell of each input, for going to the place of an issue. */
      locator: CellLocator;
      geometry: WorkbookGeometry;
    }
  | { ok: false; errors: string[]; problems: ReadProblem[]; issues: ReadIssue[] };

const REQUIRED_SHEETS = ["info", "scoring", "special"] as const;
/** Excel's sheet names ignore case. */
type RequiredSheet = (typeof REQUIRED_SHEETS)[number];

export interface ReadOptions {
  /**
   * Every sheet's name, in workbook order, when the source can list them: a required sheet that
   * is missing is then looked for under another name (a sheet renamed), to say which to rename.
   */
  sheetNames?: readonly string[];
}

/**
 * The workbook's inputs as an assessment, not yet checked against the schema (the contract of the
 * file, which what the reader builds must pass like any JSON): readWorkbookGrids checks it with zod,
 * the CLI's .xlsx reader with the schema's compiled parser (zod only for one it refuses).
 */
export function assembleWorkbook(
  sheet: (name: string) => Grid | undefined,
  lang: Lang,
  options: ReadOptions = {},
): ReadResult {
  const log = new ReadLog();
  const find = (key: keyof typeof SHEET_NAMES) => sheet(SHEET_NAMES[key].zh) ?? sheet(SHEET_NAMES[key].en);
  const grids = { info: find("info"), scoring: find("scoring"), special: find("special") };
  // Optional: the what-if targets (workbooks made without a Plan sheet have none).
  const planGrid = find("plan");
  // Optional: the Report sheet (only formulas and labels: it is laid out, never read).
  const hasReport = find("report") !== undefined;
  if (!grids.info || !grids.scoring || !grids.special) {
    return failure(missingSheetMessages(grids, find, sheet, lang, options), lang);
  }
  const sheets = {
    info: new SheetReader(grids.info, log),
    scoring: new SheetReader(grids.scoring, log),
    special: new SheetReader(grids.special, log),
  };
  const workbookLang: Lang = sheets.scoring.name === SHEET_NAMES.scoring.en ? "en" : "zh";
  const planSheet = planGrid && new SheetReader(planGrid, log);
  for (const reader of [...Object.values(sheets), ...(planSheet ? [planSheet] : [])]) reportBeyond(reader);

  const info = readInfo(sheets.info);
  const scoring = readScoring(sheets.scoring, info?.step ?? RULES.defaultStep);
  const special = readSpecial(sheets.special);
  const plan = planSheet && readPlan(planSheet);
  const geometry: WorkbookGeometry | undefined =
    info && scoring && special
      ? {
          sheets: { info: sheets.info.name, scoring: sheets.scoring.name, special: sheets.special.name },
          info: infoRows(sheets.info),
          scoring: scoring.geometry,
          special: special.geometry,
          ...(plan && { plan: plan.geometry }),
          ...(hasReport && { report: true }),
        }
      : undefined;
  if (geometry) reportMerges(sheets, geometry);
  if (!info || !scoring || !special || !geometry || log.problems.length) {
    return {
      ok: false,
      errors: log.messages.map((m) => m[lang]),
      problems: log.problems,
      issues: log.issues,
    };
  }

  const assessment: Assessment = {
    format: ASSESSMENT_FORMAT,
    organization: info.organization,
    type: info.type,
    ...(info.purpose && { purpose: info.purpose }),
    step: info.step,
    ...(info.dates && { dates: info.dates }),
    ...(info.leadAuditor !== undefined && { leadAuditor: info.leadAuditor }),
    evaluators: scoring.evaluators,
    scores: scoring.scores,
    ...(scoring.notes && { notes: scoring.notes }),
    ...(scoring.exclusions && { exclusions: scoring.exclusions }),
    ...(special.deductions && { deductions: special.deductions }),
    ...(special.bonus && { bonus: special.bonus }),
    ...(special.followUp && { followUp: special.followUp }),
    ...(plan && { planTargets: plan.planTargets }),
  };
  return {
    ok: true,
    assessment,
    lang: workbookLang,
    layoutVersion: info.layoutVersion,
    fingerprint: info.fingerprint,
    otherSheets: (options.sheetNames ?? []).filter((name) => !isStarScoreSheet(name)),
    issues: log.issues,
    locator: cellLocator(geometry),
    geometry,
  };
}

/**
 * Why the workbook lacks a required sheet: a sheet under another name that looks like it (renamed:
 * say what to call it), or, in a workbook that is StarScore's by its other sheets, the sheet's name
 * (deleted or renamed beyond recognition); otherwise it is not a StarScore workbook at all.
 */
function missingSheetMessages(
  grids: Record<RequiredSheet, Grid | undefined>,
  find: (key: keyof typeof SHEET_NAMES) => Grid | undefined,
  sheet: (name: string) => Grid | undefined,
  lang: Lang,
  options: ReadOptions,
): Localised[] {
  const missing = REQUIRED_SHEETS.filter((key) => !grids[key]);
  const ours = (Object.keys(SHEET_NAMES) as (keyof typeof SHEET_NAMES)[]).flatMap((key) => {
    const grid = grids[key as RequiredSheet] ?? find(key);
    return grid ? [grid.name] : [];
  });
  const others = (options.sheetNames ?? []).filter((name) => !isStarScoreSheet(name));
  // The workbook's language, from the sheets it has; else the reader's.
  const named: Lang = ours.some((name) => sheetNameLang(name) === "en")
    ? "en"
    : ours.length > 0
      ? "zh"
      : lang;
  const taken = new Set<string>();
  const candidates = missing.map((key) => {
    const candidate = others.find((name) => !taken.has(name) && looksLike(key, sheet(name)));
    if (candidate !== undefined) taken.add(candidate);
    return { key, candidate };
  });
  // StarScore's by its other sheets, or by a sheet that was clearly one of them.
  const ourWorkbook = ours.length >= 2 || taken.size > 0;
  const messages: Localised[] = [];
  for (const { key, candidate } of candidates) {
    if (candidate !== undefined) messages.push(MESSAGES.renamedSheet(SHEET_NAMES[key], named, candidate));
    else if (ourWorkbook) messages.push(MESSAGES.missingSheet(SHEET_NAMES[key], named));
  }
  if (messages.length === 0) return [MESSAGES.missingSheets(missing.map((key) => SHEET_NAMES[key]))];
  return messages;
}

/** Whether a sheet has the labels that mark a StarScore Info, Scoring or Special sheet. */
function looksLike(key: RequiredSheet, grid: Grid | undefined): boolean {
  if (!grid) return false;
  const reader = new SheetReader(grid, new ReadLog());
  const rows = Math.min(reader.lastRow, 40);
  for (let row = 1; row <= rows; row++) {
    const a = reader.label(row, 1);
    const b = reader.label(row, 2);
    if (key === "info" && (isLabel(a, "organisation") || isLabel(a, "layoutVersion"))) return true;
    if (key === "scoring" && isLabel(a, "code") && isLabel(b, "clause")) return true;
    if (key === "special" && isLabel(a, "number") && isLabel(b, "category")) return true;
  }
  return false;
}

/** Content past the area the reader reads (a sheet claiming a million rows, say) is a problem. */
function reportBeyond(sheet: SheetReader): void {
  const beyond = sheet.grid.beyond;
  if (!beyond) return;
  sheet.fail(
    MESSAGES.beyondExtent(
      sheet.cellName(beyond.row, beyond.column),
      beyond.rows,
      columnLetter(beyond.columns),
    ),
    beyond.row,
    beyond.column,
  );
}

/**
 * Merged ranges over input cells: a merge keeps only its top-left value, so any other input cell
 * it covers is hidden (and a value typed there before merging is gone). A merge whose only input
 * is its own top-left cell (the bonus reason spans C:H) is fine.
 */
function reportMerges(sheets: Record<RequiredSheet, SheetReader>, geometry: WorkbookGeometry): void {
  const inputs = inputCells(geometry);
  for (const key of REQUIRED_SHEETS) {
    const reader = sheets[key];
    for (const ref of reader.grid.merges ?? []) {
      const range = parseRange(ref);
      if (!range) continue;
      const covered: string[] = [];
      for (const [row, column] of inputs[key]) {
        const inside =
          row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
        if (inside && !(row === range.top && column === range.left)) covered.push(cellRef(column, row));
      }
      if (covered.length === 0) continue;
      const shown = covered.length > 3 ? `${covered.slice(0, 3).join(", ")}, …` : covered.join(", ");
      reader.fail(MESSAGES.mergeOverInputs(reader.name, ref, shown), range.top, range.left);
    }
  }
}

/** The input cells of each sheet, as [row, column], from where the readers found them. */
function inputCells(g: WorkbookGeometry): Record<RequiredSheet, [number, number][]> {
  const c = g.scoring.columns;
  const scoring: [number, number][] = [];
  for (let column = c.firstEvaluator; column < c.score; column++) {
    scoring.push([c.header, column], [c.header - 1, column]);
  }
  for (const [code, row] of g.scoring.rows) {
    scoring.push([row, c.applicable], [row, c.reason]);
    if (!itemByCode(code)) continue;
    scoring.push([row, c.notes]);
    for (let column = c.firstEvaluator; column < c.score; column++) scoring.push([row, column]);
  }
  const info: [number, number][] = (
    ["organization", "type", "startDate", "endDate", "step", "leadAuditor", "purpose"] as const
  ).map((field) => [g.info[field], 2]);
  const special: [number, number][] = [];
  const tables = [g.special.deductions, g.special.bonus, ...(g.special.followUp ? [g.special.followUp] : [])];
  for (const table of tables) {
    const columns = Object.values(table.columns) as number[];
    for (let row = table.firstRow; row <= table.lastRow; row++) {
      for (const column of columns) special.push([row, column]);
    }
  }
  return { info, scoring, special };
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [from = "", to = from] = ref.split(":");
  try {
    const a = parseRef(from);
    const b = parseRef(to);
    return {
      top: Math.min(a.row, b.row),
      bottom: Math.max(a.row, b.row),
      left: Math.min(a.column, b.column),
      right: Math.max(a.column, b.column),
    };
  } catch {
    return undefined;
  }
}

export function failure(errors: Localised[], lang: Lang): ReadResult {
  return {
    ok: false,
    errors: errors.map((e) => e[lang]),
    problems: errors.map((message) => ({ message })),
    issues: [],
  };
}
