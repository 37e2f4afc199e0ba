import { ASSESSMENT_FORMAT, type Assessment } from "../../assessment/schema";
import { parseAssessment } from "../../assessment/parse";
import type { Lang, Localized } from "../../spec/types";
import { SHEET_NAMES } from "../labels";
import { SheetReader } from "./cells";
import type { Grid } from "./grid";
import { readInfo } from "./info";
import { MESSAGES } from "./messages";
import { readScoring } from "./scoring";
import { readSpecial } from "./special";

/**
 * A StarScore workbook back into its assessment file, from its sheets as grids (ExcelJS or
 * Office.js underneath). It reads the user's inputs (Info, the Scoring entries, notes and
 * exclusions, the Special tables), never the formulas' results, so the engine scores what the user
 * typed afresh.
 */
export type ReadResult = { ok: true; assessment: Assessment; lang: Lang } | { ok: false; errors: string[] };

const REQUIRED_SHEETS = ["info", "scoring", "special"] as const;

export function readWorkbookGrids(sheet: (name: string) => Grid | undefined, lang: Lang): ReadResult {
  const errors: Localized[] = [];
  const find = (key: (typeof REQUIRED_SHEETS)[number]) => {
    const grid = sheet(SHEET_NAMES[key].zh) ?? sheet(SHEET_NAMES[key].en);
    return grid && new SheetReader(grid, errors);
  };
  const sheets = { info: find("info"), scoring: find("scoring"), special: find("special") };
  if (!sheets.info || !sheets.scoring || !sheets.special) {
    const missing = REQUIRED_SHEETS.filter((key) => !sheets[key]).map((key) => SHEET_NAMES[key]);
    return failure([MESSAGES.missingSheets(missing)], lang);
  }
  const workbookLang: Lang = sheets.scoring.name === SHEET_NAMES.scoring.en ? "en" : "zh";

  const info = readInfo(sheets.info);
  const scoring = readScoring(sheets.scoring);
  const special = readSpecial(sheets.special);
  if (!info || !scoring || !special || errors.length) return failure(errors, lang);

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
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${e.path}: ${e.message}`) };
  return { ok: true, assessment: parsed.assessment, lang: workbookLang };
}

export function failure(errors: Localized[], lang: Lang): ReadResult {
  return { ok: false, errors: errors.map((e) => e[lang]) };
}
