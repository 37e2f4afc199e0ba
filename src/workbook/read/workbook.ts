import { ASSESSMENT_FORMAT, type Assessment } from "../../assessment/schema";
import { parseAssessment } from "../../assessment/parse";
import { RULES } from "../../spec/rules";
import type { Lang, Localized } from "../../spec/types";
import { SHEET_NAMES } from "../labels";
import { ReadLog, SheetReader, type ReadProblem } from "./cells";
import type { Grid } from "./grid";
import { infoRows, readInfo } from "./info";
import type { ReadIssue } from "./issues";
import { cellLocator, type CellLocator, type WorkbookGeometry } from "./locator";
import { MESSAGES } from "./messages";
import { readScoring } from "./scoring";
import { readSpecial } from "./special";

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
      issues: ReadIssue[];
      /** The cell of each input, for going to the place of an issue. */
      locator: CellLocator;
      geometry: WorkbookGeometry;
    }
  | { ok: false; errors: string[]; problems: ReadProblem[]; issues: ReadIssue[] };

const REQUIRED_SHEETS = ["info", "scoring", "special"] as const;

export function readWorkbookGrids(sheet: (name: string) => Grid | undefined, lang: Lang): ReadResult {
  const log = new ReadLog();
  const find = (key: (typeof REQUIRED_SHEETS)[number]) => {
    const grid = sheet(SHEET_NAMES[key].zh) ?? sheet(SHEET_NAMES[key].en);
    return grid && new SheetReader(grid, log);
  };
  const sheets = { info: find("info"), scoring: find("scoring"), special: find("special") };
  if (!sheets.info || !sheets.scoring || !sheets.special) {
    const missing = REQUIRED_SHEETS.filter((key) => !sheets[key]).map((key) => SHEET_NAMES[key]);
    return failure([MESSAGES.missingSheets(missing)], lang);
  }
  const workbookLang: Lang = sheets.scoring.name === SHEET_NAMES.scoring.en ? "en" : "zh";

  const info = readInfo(sheets.info);
  const scoring = readScoring(sheets.scoring, info?.step ?? RULES.defaultStep);
  const special = readSpecial(sheets.special);
  if (!info || !scoring || !special || log.problems.length) {
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
    step: info.step,
    ...(info.dates && { dates: info.dates }),
    evaluators: scoring.evaluators,
    scores: scoring.scores,
    ...(scoring.notes && { notes: scoring.notes }),
    ...(scoring.exclusions && { exclusions: scoring.exclusions }),
    ...(special.deductions && { deductions: special.deductions }),
    ...(special.bonus && { bonus: special.bonus }),
  };
  // The schema is the contract of the file: what the reader builds must pass it like any JSON.
  const parsed = parseAssessment(assessment, lang);
  if (!parsed.ok) {
    const errors = parsed.errors.map((e) => `${e.path}: ${e.message}`);
    return { ok: false, errors, problems: errors.map((e) => ({ message: { zh: e, en: e } })), issues: [] };
  }
  const geometry: WorkbookGeometry = {
    sheets: { info: sheets.info.name, scoring: sheets.scoring.name, special: sheets.special.name },
    info: infoRows(sheets.info),
    scoring: scoring.geometry,
    special: special.geometry,
  };
  return {
    ok: true,
    assessment: parsed.assessment,
    lang: workbookLang,
    issues: log.issues,
    locator: cellLocator(geometry),
    geometry,
  };
}

export function failure(errors: Localized[], lang: Lang): ReadResult {
  return {
    ok: false,
    errors: errors.map((e) => e[lang]),
    problems: errors.map((message) => ({ message })),
    issues: [],
  };
}
