import { readFileSync } from "node:fs";
import { parseAssessmentJson } from "../assessment/parse";
import type { Assessment } from "../assessment/schema";
import type { Lang } from "../spec/types";
import { isCompoundFile, isZip, readXlsx } from "../workbook/xlsx/read";
import { UserError } from "./errors";

/** The bytes of an input file; a file that cannot be read is the user's mistake, not a crash. */
export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError({
      zh: `无法读取文件 ${path}（${reason}）。`,
      en: `Cannot read the file ${path} (${reason}).`,
    });
  }
}

export function readAssessmentFile(path: string, lang: Lang): Assessment {
  return parseJson(path, readInputFile(path), lang);
}

/**
 * An assessment from a JSON file or a StarScore workbook, told apart by content (an .xlsx is a zip
 * package), not by the file's name.
 */
export async function loadAssessment(path: string, lang: Lang): Promise<Assessment> {
  const data = readInputFile(path);
  if (data.length === 0) {
    throw new UserError({ zh: `文件 ${path} 是空的。`, en: `The file ${path} is empty.` });
  }
  if (isZip(data) || isCompoundFile(data)) return readWorkbook(path, data, lang);
  // Content decides; the name only picks the clearer message for an ".xlsx" that is not JSON either.
  const json = /^(\uFEFF)?\s*[{[]/.test(data.subarray(0, 64).toString("utf8"));
  if (!json && /\.xls[xm]?$/i.test(path)) return readWorkbook(path, data, lang);
  return parseJson(path, data, lang);
}

/** The assessment in a StarScore workbook (.xlsx). */
export async function readWorkbookFile(path: string, lang: Lang): Promise<Assessment> {
  return readWorkbook(path, readInputFile(path), lang);
}

function parseJson(path: string, data: Buffer, lang: Lang): Assessment {
  const parsed = parseAssessmentJson(data.toString("utf8").replace(/^\uFEFF/, ""), lang);
  if (parsed.ok) return parsed.assessment;
  throw new UserError(
    { zh: `${path} 不是有效的评估文件：`, en: `${path} is not a valid assessment file:` },
    parsed.errors.map((e) => `${e.path}: ${e.message}`),
  );
}

async function readWorkbook(path: string, data: Buffer, lang: Lang): Promise<Assessment> {
  const read = await readXlsx(data, lang);
  if (read.ok) return read.assessment;
  throw new UserError(
    { zh: `无法从 ${path} 读取评估：`, en: `Cannot read an assessment from ${path}:` },
    read.errors,
  );
}
