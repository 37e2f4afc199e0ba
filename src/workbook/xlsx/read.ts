import ExcelJS from "exceljs";
import { ASSESSMENT_FORMAT, type Assessment } from "../../assessment/schema";
import { parseAssessment } from "../../assessment/parse";
import type { Lang, Localized } from "../../spec/types";
import { SHEET_NAMES } from "../labels";
import { SheetReader } from "../read/cells";
import { readInfo } from "../read/info";
import { MESSAGES } from "../read/messages";
import { readScoring } from "../read/scoring";
import { readSpecial } from "../read/special";

/**
 * The .xlsx reader: a StarScore workbook back into its assessment file. It reads the user's inputs
 * (Info, the Scoring entries, notes and exclusions, the Special tables), never the formulas' results,
 * so the assessment is what the user typed and the engine scores it afresh. It never throws: a file
 * that is not a workbook, or not a StarScore one, gives messages in the user's language.
 */
export type ReadResult = { ok: true; assessment: Assessment; lang: Lang } | { ok: false; errors: string[] };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File (OLE2): old .xls files and password-protected .xlsx files. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function isZip(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 4)).equals(ZIP_MAGIC);
}

export function isCompoundFile(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 8)).equals(OLE_MAGIC);
}

const REQUIRED_SHEETS = ["info", "scoring", "special"] as const;

export async function readXlsx(data: Uint8Array, lang: Lang): Promise<ReadResult> {
  const fail = (errors: Localized[]) => failure(errors, lang);
  if (isCompoundFile(data)) return fail([MESSAGES.legacyXls()]);
  if (!isZip(data)) return fail([MESSAGES.notXlsx()]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return fail([MESSAGES.unreadable(error instanceof Error ? error.message : String(error))]);
  }
  try {
    return readWorkbook(workbook, lang);
  } catch (error) {
    // A workbook shaped in a way no reader foresaw: still a message, never a stack trace.
    return fail([MESSAGES.unreadable(error instanceof Error ? error.message : String(error))]);
  }
}

function readWorkbook(workbook: ExcelJS.Workbook, lang: Lang): ReadResult {
  const errors: Localized[] = [];
  const find = (key: (typeof REQUIRED_SHEETS)[number]) => {
    const ws = workbook.getWorksheet(SHEET_NAMES[key].zh) ?? workbook.getWorksheet(SHEET_NAMES[key].en);
    return ws && new SheetReader(ws, errors);
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

function failure(errors: Localized[], lang: Lang): ReadResult {
  return { ok: false, errors: errors.map((e) => e[lang]) };
}
