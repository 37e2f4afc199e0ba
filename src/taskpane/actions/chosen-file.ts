import type { Assessment } from "../../assessment/schema";
import { megabytes, XLSX_LIMITS } from "../../workbook/xlsx/limits";
import { ActionError } from "./errors";
import type { ChosenFile, PaneIssue } from "./types";

/**
 * A workbook file the user chose (ChosenFile) back into its assessment, by the CLI's own reader
 * (src/workbook/xlsx/read.ts), loaded with import() so that the reader (JSZip, saxes) is a chunk of its own, fetched
 * the first time a file is chosen. Refused, with why in both languages, like `starscore` refuses
 * it: a file that is empty, too large or not a StarScore workbook, or one with an entry cell that
 * is not a number (a comparison or a follow-up from a misread entry would mislead). The issues name
 * the chosen file's cells in their messages; they carry no cell to select, since that cell is in
 * the other workbook.
 */
export async function readChosenFile(file: ChosenFile): Promise<Assessment> {
  const refuse = (issues: PaneIssue[]) =>
    new ActionError(
      {
        zh: `无法从 ${file.name} 读取评估：`,
        en: `Cannot read an assessment from ${file.name}:`,
      },
      issues,
    );
  const unreadable = (message: PaneIssue["message"]): PaneIssue => ({
    code: "workbook-unreadable",
    severity: "error",
    message,
  });
  if (file.data.length === 0) {
    throw refuse([unreadable({ zh: "文件是空的。", en: "The file is empty." })]);
  }
  if (file.data.length > XLSX_LIMITS.maxFileBytes) {
    const size = megabytes(file.data.length);
    const limit = megabytes(XLSX_LIMITS.maxFileBytes);
    throw refuse([
      unreadable({
        zh: `文件太大（${size}）：StarScore 只读取 ${limit} 以内的文件。`,
        en: `The file is too large (${size}): StarScore reads files up to ${limit}.`,
      }),
    ]);
  }
  const { readXlsx } = await import(/* webpackChunkName: "workbook-reader" */ "../../workbook/xlsx/read");
  // Messages are kept in both languages (Localised); "en" only picks the unused plain-text list.
  const read = await readXlsx(file.data, "en");
  if (!read.ok) {
    throw refuse([
      ...read.problems.map((p) => unreadable(p.message)),
      ...read.issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message })),
    ]);
  }
  if (read.issues.length > 0) {
    throw refuse(read.issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message })));
  }
  return read.assessment;
}
