import type { Localized } from "../../spec/types";

/**
 * Why a workbook could not be read back as an assessment, in both languages. Every message about
 * a cell names it ("评分!H7") and says what was found and what is expected.
 */
const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const MESSAGES = {
  notXlsx: (): Localized => ({
    zh: "不是 .xlsx 工作簿：文件内容不是 zip 压缩包。",
    en: "Not an .xlsx workbook: the file is not a zip package.",
  }),
  legacyXls: (): Localized => ({
    zh: "旧版 .xls 或加密的工作簿无法读取：请在 Excel 中另存为不加密的 .xlsx。",
    en: "Old .xls or encrypted workbooks cannot be read: save it from Excel as an unencrypted .xlsx.",
  }),
  unreadable: (detail: string): Localized => ({
    zh: `无法读取工作簿（${detail}）。`,
    en: `Cannot read the workbook (${detail}).`,
  }),
  missingSheets: (names: readonly Localized[]): Localized => ({
    zh: `这不是 StarScore 工作簿：缺少工作表${names.map((n) => `“${n.zh}”（${n.en}）`).join("、")}。`,
    en: `This is not a StarScore workbook: no sheet ${names.map((n) => `"${n.en}" (${n.zh})`).join(", ")}.`,
  }),
  newerLayout: (found: number, supported: number): Localized => ({
    zh: `此工作簿由较新版本的 StarScore 生成（版式版本 ${found}，本版本支持到 ${supported}）。请升级 StarScore。`,
    en: `This workbook was made by a newer StarScore (layout version ${found}; this one reads up to ${supported}). Upgrade StarScore.`,
  }),
  noHeader: (sheet: string, label: Localized): Localized => ({
    zh: `在工作表“${sheet}”中找不到表头行（A 列为“${label.zh}”）。`,
    en: `No header row on the sheet "${sheet}" (with "${label.en}" in column A).`,
  }),
  missingColumn: (sheet: string, label: Localized): Localized => ({
    zh: `工作表“${sheet}”的表头缺少“${label.zh}”列。`,
    en: `The header of the sheet "${sheet}" has no "${label.en}" column.`,
  }),
  duplicateRow: (sheet: string, code: string, rows: readonly number[]): Localized => ({
    zh: `工作表“${sheet}”中 ${code} 出现了多次（第 ${rows.join("、")} 行）：请只保留一行。`,
    en: `${code} appears more than once on the sheet "${sheet}" (rows ${rows.join(", ")}): keep one row.`,
  }),
  badType: (cell: string, text: string): Localized => ({
    zh: `${cell}：无法识别的评价类型 ${quoted(text)}。请从列表中选择（初次认证、再认证、保持认证（监督评价））。`,
    en: `${cell}: unknown assessment type ${quoted(text)}. Choose one from the list (Initial certification, Recertification, Surveillance).`,
  }),
  badStep: (cell: string, text: string): Localized => ({
    zh: `${cell}：评分步长须为 1、5 或 10，而不是 ${quoted(text)}。`,
    en: `${cell}: the entry step must be 1, 5 or 10, not ${quoted(text)}.`,
  }),
  badDate: (cell: string, text: string): Localized => ({
    zh: `${cell}：${quoted(text)} 不是日期。请输入日期，或 YYYY-MM-DD 格式的文本。`,
    en: `${cell}: ${quoted(text)} is not a date. Enter a date, or text as YYYY-MM-DD.`,
  }),
  badKind: (cell: string, text: string): Localized => ({
    zh: `${cell}：评价人类型须为“审核员”或“暗访”，而此处为 ${text ? quoted(text) : "空白"}。`,
    en: `${cell}: an evaluator column's kind must be "Auditor" or "Visit", found ${text ? quoted(text) : "blank"}.`,
  }),
  badCategory: (cell: string, text: string): Localized => ({
    zh: `${cell}：${text ? `无法识别的特别扣分项类别 ${quoted(text)}` : "特别扣分项缺少类别"}。请从列表中选择类别。`,
    en: `${cell}: ${text ? `unknown deduction category ${quoted(text)}` : "the deduction has no category"}. Choose a category from the list.`,
  }),
  badStatus: (cell: string, text: string): Localized => ({
    zh: `${cell}：整改状态须为“未整改”或“已整改”，而不是 ${quoted(text)}。`,
    en: `${cell}: the status must be "Open" or "Closed", not ${quoted(text)}.`,
  }),
  badPoints: (cell: string, found: Localized): Localized => ({
    zh: `${cell}：加分须为数字，而此处为${found.zh}。`,
    en: `${cell}: bonus points must be a number, found ${found.en}.`,
  }),
  errorValue: (cell: string, error: string): Localized => ({
    zh: `${cell}：单元格为错误值 ${error}。`,
    en: `${cell}: the cell holds the error ${error}.`,
  }),
  uncomputed: (cell: string): Localized => ({
    zh: `${cell}：公式没有计算结果（请在 Excel 中打开并保存后再试）。`,
    en: `${cell}: the formula has no computed value (open and save the file in Excel, then try again).`,
  }),
};

/** How a message describes a cell that holds the wrong kind of value. */
export function describeFound(
  content: { kind: "text"; value: string } | { kind: "boolean"; value: boolean } | { kind: "date" | "error" },
): Localized {
  switch (content.kind) {
    case "text":
      return { zh: `文本 ${quoted(content.value)}`, en: `the text ${quoted(content.value)}` };
    case "boolean":
      return { zh: `逻辑值 ${content.value ? "TRUE" : "FALSE"}`, en: `the logical value ${content.value}` };
    case "date":
      return { zh: "日期", en: "a date" };
    case "error":
      return { zh: "错误值", en: "an error value" };
  }
}
