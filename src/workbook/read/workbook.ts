import { parseAssessment } from "../../assessment/parse";
import type { Lang } from "../../spec/types";
import { assembleWorkbook, failure, type ReadOptions, type ReadResult } from "./assemble";
import type { Grid } from "./grid";

export type { ReadProblem } from "./cells";
export type { ReadIssue, ReadIssueCode } from "./issues";
export type { CellLocator, WorkbookGeometry } from "./locator";
export { failure, type ReadOptions, type ReadResult } from "./assemble";

/**
 * A StarScore workbook back into its assessment file, from its sheets as grids (ExcelJS, the .xlsx
 * reader or Office.js underneath): read by ./assemble.ts, then checked against the schema.
 */
export function readWorkbookGrids(
  sheet: (name: string) => Grid | undefined,
  lang: Lang,
  options: ReadOptions = {},
): ReadResult {
  return checkAgainstSchema(assembleWorkbook(sheet, lang, options), lang);
}

/**
 * The schema is the contract of the file: what the reader builds must pass it like any JSON. An
 * assessment it refuses is a failure with zod's messages, in both languages.
 */
export function checkAgainstSchema(read: ReadResult, lang: Lang): ReadResult {
  if (!read.ok) return read;
  const parsed = parseAssessment(read.assessment, lang);
  if (parsed.ok) return { ...read, assessment: parsed.assessment };
  const other = parseAssessment(read.assessment, lang === "zh" ? "en" : "zh");
  const messages = parsed.errors.map((e, i) => {
    const alt = other.ok ? undefined : other.errors[i];
    const text = `${e.path}: ${e.message}`;
    const altText = alt ? `${alt.path}: ${alt.message}` : text;
    return lang === "zh" ? { zh: text, en: altText } : { zh: altText, en: text };
  });
  return failure(messages, lang);
}
