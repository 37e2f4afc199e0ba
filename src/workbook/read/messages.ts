import type { Localised } from "../../spec/types";

/**
 * Why a workbook could not be read back as an assessment, in both languages. Every message about
 * a cell names it ("评分!H7") and says what was found and what is expected.
 */
const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const quoted = (text: string) => JSON.stringify(cut(text));
/** Chinese quotes its text with “”, as all of StarScore's Chinese does. */
const quotedZh = (text: string) => `“${cut(text)}”`;

export const MESSAGES = {
  notXlsx: (): Localised => ({
    zh: "不是 .xlsx 工作簿：文件内容不是 zip 压缩包。",
    en: "Not an .xlsx workbook: the file is not a zip package.",
  }),
  legacyXls: (): Localised => ({
    zh: "旧版 .xls 或加密的工作簿无法读取：请在 Excel 中另存为不加密的 .xlsx。",
    en: "Old .xls or encrypted workbooks cannot be read: save it from Excel as an unencrypted .xlsx.",
  }),
  unreadable: (detail: string): Localised => ({
    zh: `无法读取工作簿（${detail}）。`,
    en: `Cannot read the workbook (${detail}).`,
  }),
  fileTooLarge: (size: string, limit: string): Localised => ({
    zh: `文件太大（${size}）：StarScore 只读取 ${limit} 以内的工作簿。评分工作簿通常不到 1 MB；请删除其中的图片或多余的工作表后另存，再试。`,
    en: `The file is too large (${size}): StarScore reads workbooks up to ${limit}. A scoring workbook is usually under 1 MB; remove pictures or extra sheets, save it, and try again.`,
  }),
  tooManyParts: (count: number, limit: number): Localised => ({
    zh: `无法读取工作簿：压缩包中有 ${count} 个部件，超过上限 ${limit}。文件已损坏，或不是 Excel 保存的工作簿。`,
    en: `Cannot read the workbook: its zip package has ${count} parts, more than the ${limit} StarScore reads. The file is damaged or was not saved by Excel.`,
  }),
  zipTooLarge: (limit: string): Localised => ({
    zh: `无法读取工作簿：解压后超过 ${limit}（StarScore 的上限）。文件已损坏，或是恶意构造的压缩包。`,
    en: `Cannot read the workbook: it unzips to more than ${limit}, StarScore's limit. The file is damaged or built to exhaust the reader (a zip bomb).`,
  }),
  zipBomb: (part: string, ratio: number, limit: number): Localised => ({
    zh: `无法读取工作簿：${part ? `部件 ${part} ` : ""}解压后是压缩大小的 ${ratio.toLocaleString("en-US")} 倍（上限 ${limit} 倍）。这是恶意构造的压缩包（zip 炸弹）或已损坏的文件。`,
    en: `Cannot read the workbook: ${part ? `the part ${part} ` : "it "}unzips to ${ratio.toLocaleString("en-US")} times its compressed size (the limit is ${limit}). The file is a zip bomb or damaged.`,
  }),
  zipLies: (part: string, declared: number): Localised => ({
    zh: `无法读取工作簿：部件 ${part} 解压后超过它声明的 ${declared.toLocaleString("en-US")} 字节。这是恶意构造的压缩包（zip 炸弹）或已损坏的文件。`,
    en: `Cannot read the workbook: the part ${part} unzips to more than the ${declared.toLocaleString("en-US")} bytes it declares. The file is a zip bomb or damaged.`,
  }),
  rowBeyondExcel: (sheet: string, row: number, limit: number): Localised => ({
    zh: `无法读取工作簿：工作表“${sheet}”声明了第 ${row} 行，而 Excel 最多只有 ${limit.toLocaleString("en-US")} 行。文件已损坏。`,
    en: `Cannot read the workbook: the sheet "${sheet}" claims a row ${row}, beyond Excel's last row (${limit.toLocaleString("en-US")}). The file is damaged.`,
  }),
  mergeTooLarge: (sheet: string, ref: string, limits: { merges: number; cells: number }): Localised => ({
    zh: `工作表“${sheet}”的合并单元格过多或过大（例如 ${sheet}!${ref}），超出了 StarScore 读取的上限（最多 ${limits.merges.toLocaleString("en-US")} 处、共 ${limits.cells.toLocaleString("en-US")} 个单元格），并覆盖了输入单元格。请取消合并（开始 ▸ 合并后居中 ▸ 取消单元格合并）。`,
    en: `The sheet "${sheet}" has more or larger merged cells than StarScore reads (at most ${limits.merges.toLocaleString("en-US")} merges, ${limits.cells.toLocaleString("en-US")} cells in all; e.g. ${sheet}!${ref}), over its input cells. Unmerge them (Home ▸ Merge & Center ▸ Unmerge Cells).`,
  }),
  mergeOverInputs: (sheet: string, ref: string, covered: string): Localised => ({
    zh: `${sheet}!${ref} 是合并单元格，覆盖了输入单元格 ${covered}：合并后只有左上角的单元格有值，其余的值会丢失。请取消合并（开始 ▸ 合并后居中 ▸ 取消单元格合并）。`,
    en: `${sheet}!${ref} is a merged range over the input cells ${covered}: a merge keeps only its top-left cell's value and the others would be lost. Unmerge it (Home ▸ Merge & Center ▸ Unmerge Cells).`,
  }),
  beyondExtent: (cell: string, rows: number, columns: string): Localised => ({
    zh: `${cell}：此单元格有内容，但超出了 StarScore 读取的范围（前 ${rows.toLocaleString("en-US")} 行、A–${columns} 列），不会被读取。请删除它，或把它移到范围内。`,
    en: `${cell}: this cell has content beyond what StarScore reads (rows 1–${rows.toLocaleString("en-US")}, columns A–${columns}), so it would be ignored. Delete it or move it within that range.`,
  }),
  missingSheet: (name: Localised, lang: "zh" | "en"): Localised => ({
    zh: `缺少工作表“${name[lang]}”${lang === "zh" ? `（英文版为“${name.en}”）` : `（中文版为“${name.zh}”）`}：它是 StarScore 工作簿必需的。若已改名，请改回“${name[lang]}”；若已删除，请从备份中恢复。`,
    en: `The sheet "${name[lang]}" is missing${lang === "en" ? ` ("${name.zh}" in a Chinese workbook)` : ` ("${name.en}" in an English workbook)`}: every StarScore workbook needs it. If it was renamed, name it "${name[lang]}" again; if it was deleted, restore it from a backup.`,
  }),
  renamedSheet: (name: Localised, lang: "zh" | "en", found: string): Localised => ({
    zh: `缺少工作表“${name[lang]}”：工作表“${found}”看起来就是它。请把“${found}”重命名为“${name[lang]}”。`,
    en: `The sheet "${name[lang]}" is missing: the sheet "${found}" looks like it. Rename "${found}" to "${name[lang]}".`,
  }),
  duplicateColumn: (sheet: string, label: Localised, columns: readonly string[]): Localised => ({
    zh: `工作表“${sheet}”的表头中“${label.zh}”出现了多次（${columns.join("、")} 列）：请只保留一列。`,
    en: `The header of the sheet "${sheet}" has "${label.en}" more than once (columns ${columns.join(", ")}): keep one.`,
  }),
  strayEvaluator: (cell: string, name: string, first: string, last: string): Localised => ({
    zh: `${cell}：评价人列${quotedZh(name)}不在评价人列的位置（${first}–${last} 列，“删减原因”与“得分”之间），不会被读取。请把整列移回该区域。`,
    en: `${cell}: the evaluator column ${quoted(name)} is outside the evaluator columns (${first}–${last}, between "Exclusion reason" and "Score"), so it would not be read. Move the whole column back there.`,
  }),
  missingSheets: (names: readonly Localised[]): Localised => ({
    zh: `这不是 StarScore 工作簿：缺少工作表${names.map((n) => `“${n.zh}”（${n.en}）`).join("、")}。`,
    en: `This is not a StarScore workbook: no sheet ${names.map((n) => `"${n.en}" (${n.zh})`).join(", ")}.`,
  }),
  newerLayout: (found: number, supported: number): Localised => ({
    zh: `此工作簿由较新版本的 StarScore 生成（版式版本 ${found}，本版本支持到 ${supported}）。请升级 StarScore。`,
    en: `This workbook was made by a newer StarScore (layout version ${found}; this one reads up to ${supported}). Upgrade StarScore.`,
  }),
  noHeader: (sheet: string, label: Localised): Localised => ({
    zh: `在工作表“${sheet}”中找不到表头行（A 列为“${label.zh}”）。`,
    en: `No header row on the sheet "${sheet}" (with "${label.en}" in column A).`,
  }),
  missingColumn: (sheet: string, label: Localised): Localised => ({
    zh: `工作表“${sheet}”的表头缺少“${label.zh}”列。`,
    en: `The header of the sheet "${sheet}" has no "${label.en}" column.`,
  }),
  duplicateRow: (sheet: string, code: string, rows: readonly number[]): Localised => ({
    zh: `工作表“${sheet}”中 ${code} 出现了多次（第 ${rows.join("、")} 行）：请只保留一行。`,
    en: `${code} appears more than once on the sheet "${sheet}" (rows ${rows.join(", ")}): keep one row.`,
  }),
  badType: (cell: string, text: string): Localised => ({
    zh: `${cell}：无法识别的评价类型${quotedZh(text)}。请从列表中选择（初次认证、再认证、保持认证（监督评价））。`,
    en: `${cell}: unknown assessment type ${quoted(text)}. Choose one from the list (Initial certification, Recertification, Surveillance).`,
  }),
  badStep: (cell: string, text: string): Localised => ({
    zh: `${cell}：评分步长须为 1、5 或 10，而不是${quotedZh(text)}。`,
    en: `${cell}: the entry step must be 1, 5 or 10, not ${quoted(text)}.`,
  }),
  badDate: (cell: string, text: string): Localised => ({
    zh: `${cell}：${quotedZh(text)}不是日期。请输入日期，或 YYYY-MM-DD 格式的文本。`,
    en: `${cell}: ${quoted(text)} is not a date. Enter a date, or text as YYYY-MM-DD.`,
  }),
  badKind: (cell: string, text: string): Localised => ({
    zh: `${cell}：评价人类型须为“审核员”或“暗访”，而此处为${text ? quotedZh(text) : "空白"}。`,
    en: `${cell}: an evaluator column's kind must be "Auditor" or "Visit", found ${text ? quoted(text) : "blank"}.`,
  }),
  badCategory: (cell: string, text: string): Localised => ({
    zh: `${cell}：${text ? `无法识别的特别扣分项类别${quotedZh(text)}` : "特别扣分项缺少类别"}。请从列表中选择类别。`,
    en: `${cell}: ${text ? `unknown deduction category ${quoted(text)}` : "the deduction has no category"}. Choose a category from the list.`,
  }),
  badPurpose: (cell: string, text: string): Localised => ({
    zh: `${cell}：无法识别的评价目的 ${quoted(text)}。请从列表中选择（认证审核、自评）。`,
    en: `${cell}: unknown purpose ${quoted(text)}. Choose one from the list (Certification audit, Self-assessment).`,
  }),
  badOutcome: (cell: string, text: string): Localised => ({
    zh: `${cell}：验证结果须为“已验证”或“未落实”（尚未验证的留空），而不是 ${quoted(text)}。`,
    en: `${cell}: the outcome must be "Verified" or "Not verified" (blank until verified), not ${quoted(text)}.`,
  }),
  badTarget: (cell: string, found: Localised): Localised => ({
    zh: `${cell}：目标须为 0–100 之间的数字或留空，而此处为${found.zh}。`,
    en: `${cell}: a target must be a number from 0 to 100, or blank; found ${found.en}.`,
  }),
  badStatus: (cell: string, text: string): Localised => ({
    zh: `${cell}：整改状态须为“未整改”或“已整改”，而不是${quotedZh(text)}。`,
    en: `${cell}: the status must be "Open" or "Closed", not ${quoted(text)}.`,
  }),
  badPoints: (cell: string, found: Localised): Localised => ({
    zh: `${cell}：加分须为数字，而此处为${found.zh}。`,
    en: `${cell}: bonus points must be a number, found ${found.en}.`,
  }),
  errorValue: (cell: string, error: string): Localised => ({
    zh: `${cell}：单元格为错误值 ${error}。`,
    en: `${cell}: the cell holds the error ${error}.`,
  }),
  uncomputed: (cell: string): Localised => ({
    zh: `${cell}：公式没有计算结果（请在 Excel 中打开并保存后再试）。`,
    en: `${cell}: the formula has no computed value (open and save the file in Excel, then try again).`,
  }),
};

/** How a message describes a cell that holds the wrong kind of value. */
export function describeFound(
  content: { kind: "text"; value: string } | { kind: "boolean"; value: boolean } | { kind: "date" | "error" },
): Localised {
  switch (content.kind) {
    case "text":
      return { zh: `文本${quotedZh(content.value)}`, en: `the text ${quoted(content.value)}` };
    case "boolean":
      return { zh: `逻辑值 ${content.value ? "TRUE" : "FALSE"}`, en: `the logical value ${content.value}` };
    case "date":
      return { zh: "日期", en: "a date" };
    case "error":
      return { zh: "错误值", en: "an error value" };
  }
}
