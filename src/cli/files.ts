import { readFileSync, statSync } from "node:fs";
import { INVALID, parseCompiled } from "../assessment/compiled-parser";
import type { Assessment } from "../assessment/schema";
import type { Lang, Localised } from "../spec/types";
import type { ReadIssue, ReadResult } from "../workbook/read/workbook";
import { megabytes, XLSX_LIMITS } from "../workbook/xlsx/limits";
import { isCompoundFile, isZip } from "../workbook/xlsx/signature";
import { fileError, UserError } from "./errors";

/** The bytes of an input file; a file that cannot be read is the user's mistake, not a crash. */
export function readInputFile(path: string): Buffer {
  try {
    // Refused before it is read: see src/workbook/xlsx/limits.ts for why 20 MB.
    const size = statSync(path).size;
    if (size > XLSX_LIMITS.maxFileBytes) {
      throw new UserError({
        zh: `文件 ${path} 太大（${megabytes(size)}）：StarScore 只读取 ${megabytes(XLSX_LIMITS.maxFileBytes)} 以内的文件。`,
        en: `The file ${path} is too large (${megabytes(size)}): StarScore reads files up to ${megabytes(XLSX_LIMITS.maxFileBytes)}.`,
      });
    }
    return readFileSync(path);
  } catch (error) {
    throw fileError(error, (reason) => ({
      zh: `无法读取文件 ${path}（${reason}）。`,
      en: `Cannot read the file ${path} (${reason}).`,
    }));
  }
}

/** readInputFile, refusing an empty file (commands that read a workbook or an assessment). */
export function readNonEmptyFile(path: string): Buffer {
  const data = readInputFile(path);
  if (data.length === 0) {
    throw new UserError({ zh: `文件 ${path} 是空的。`, en: `The file ${path} is empty.` });
  }
  return data;
}

/** Whether the bytes begin as JSON does ("{" or "[", after a byte order mark and spaces). */
export function looksLikeJson(data: Buffer): boolean {
  return /^(\uFEFF)?\s*[{[]/.test(data.subarray(0, 64).toString("utf8"));
}

export async function readAssessmentFile(path: string, lang: Lang): Promise<Assessment> {
  return parseJson(path, readInputFile(path), lang);
}

/** An assessment, and the workbook cells that could not be read as entries (read as blank). */
export interface LoadedAssessment {
  assessment: Assessment;
  /** Entry cells holding text, an error, a logical value or a date: only from a workbook. */
  readIssues: ReadIssue[];
}

/**
 * An assessment from a JSON file or a StarScore workbook, told apart by content (an .xlsx is a zip
 * package), not by the file's name. An entry cell of a workbook that is not a number is an issue,
 * not a failure: it is read as blank and returned with its cell, for `score` to report.
 */
export async function loadAssessmentWithIssues(path: string, lang: Lang): Promise<LoadedAssessment> {
  const data = readNonEmptyFile(path);
  if (isZip(data) || isCompoundFile(data)) return readWorkbook(path, data, lang);
  // Content decides; the name only picks the clearer message for an ".xlsx" that is not JSON either.
  if (!looksLikeJson(data) && /\.xls[xm]?$/i.test(path)) return readWorkbook(path, data, lang);
  return { assessment: await parseJson(path, data, lang), readIssues: [] };
}

/**
 * The same, for commands that carry the assessment on (generate --from): a workbook entry cell that
 * is not a number would be lost, so it stops them, with its cell.
 */
export async function loadAssessment(path: string, lang: Lang): Promise<Assessment> {
  return strict(path, await loadAssessmentWithIssues(path, lang), lang);
}

/** The assessment in a StarScore workbook (.xlsx), for export: every entry cell must be readable. */
export async function readWorkbookFile(path: string, lang: Lang): Promise<Assessment> {
  return strict(path, await readWorkbook(path, readInputFile(path), lang), lang);
}

function strict(path: string, { assessment, readIssues }: LoadedAssessment, lang: Lang): Assessment {
  if (readIssues.length === 0) return assessment;
  throw new UserError(
    cannotReadAssessment(path),
    readIssues.map((i) => i.message[lang]),
  );
}

/**
 * A valid assessment is read by the schema's compiled parser, without zod; zod is loaded only to
 * say what is wrong with one that is not (docs/performance.md, "Starting `score FILE.json`").
 */
async function parseJson(path: string, data: Buffer, lang: Lang): Promise<Assessment> {
  const text = data.toString("utf8").replace(/^\uFEFF/, "");
  const compiled = parseCompiledJson(text);
  if (compiled !== INVALID) return compiled;
  const { parseAssessmentJson } = await import("../assessment/parse");
  const parsed = parseAssessmentJson(text, lang);
  if (parsed.ok) return parsed.assessment;
  throw new UserError(
    { zh: `${path} 不是有效的评估文件：`, en: `${path} is not a valid assessment file:` },
    parsed.errors.map((e) => `${e.path}: ${e.message}`),
  );
}

function parseCompiledJson(text: string): Assessment | typeof INVALID {
  try {
    return parseCompiled(JSON.parse(text));
  } catch {
    return INVALID; // not JSON: parse.ts says so, in the user's language
  }
}

async function readWorkbook(path: string, data: Buffer, lang: Lang): Promise<LoadedAssessment> {
  const read = await readWorkbookData(path, data, lang);
  return { assessment: read.assessment, readIssues: read.issues };
}

/** A workbook's bytes read back; one that is not a StarScore workbook is the user's mistake. */
export async function readWorkbookData(
  path: string,
  data: Buffer,
  lang: Lang,
): Promise<Extract<ReadResult, { ok: true }>> {
  // Loaded only for a workbook: a JSON assessment is scored without ExcelJS (test/cli/batch.test.ts).
  const { readXlsx } = await import("../workbook/xlsx/read");
  const read = await readXlsx(data, lang);
  if (read.ok) return read;
  throw new UserError(cannotReadAssessment(path), read.errors);
}

const cannotReadAssessment = (path: string): Localised => ({
  zh: `无法从 ${path} 读取评估：`,
  en: `Cannot read an assessment from ${path}:`,
});
