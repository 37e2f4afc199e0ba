import type { Localised } from "../../spec/types";
import { FINGERPRINT_NAME } from "./fingerprint";

/**
 * What the integrity check says about each finding, in both languages. A cell is named as the
 * readers name it ("评分!N9"), followed by what it is ("B3 得分", "Result_FinalScore").
 */
const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const quoted = (text: string) => JSON.stringify(cut(text));
/** Chinese quotes its text with “”, as all of StarScore's Chinese does. */
const quotedZh = (text: string) => `“${cut(text)}”`;
const short = (hex: string) => (hex.length > 16 ? `${hex.slice(0, 16)}…` : hex);
const shown = (text: string, blank: Localised): Localised => (text === "" ? blank : { zh: text, en: text });
const BLANK: Localised = { zh: "空白", en: "blank" };

export const FINDING_MESSAGES = {
  formulaOverwritten: (cell: string, what: string, found: string, expected: string): Localised => ({
    zh: `${cell}（${what}）：公式被${found === "" ? "清除" : `替换为值${quotedZh(found)}`}；应为公式 ${expected}。`,
    en: `${cell} (${what}): the formula was ${found === "" ? "cleared" : `replaced by the value ${quoted(found)}`}; it should be ${expected}.`,
  }),
  formulaChanged: (cell: string, what: string, found: string, expected: string): Localised => ({
    zh: `${cell}（${what}）：公式被改为 ${found}；应为 ${expected}。`,
    en: `${cell} (${what}): the formula was changed to ${found}; it should be ${expected}.`,
  }),
  catalogueChanged: (cell: string, what: string, found: string, expected: string): Localised => ({
    zh: `${cell}（${what}）：目录内容被修改，现为${quotedZh(found)}，应为${quotedZh(expected)}。`,
    en: `${cell} (${what}): the catalogue was changed: it holds ${quoted(found)}, it should be ${quoted(expected)}.`,
  }),
  helperChanged: (cell: string, what: string, found: string, expected: string): Localised => ({
    zh: `${cell}（${what}）：隐藏辅助列被修改，现为${quotedZh(found)}，应为${quotedZh(expected)}。`,
    en: `${cell} (${what}): a hidden helper cell was changed: it holds ${quoted(found)}, it should be ${quoted(expected)}.`,
  }),
  rulesChanged: (cell: string, what: string, found: string, expected: string): Localised => ({
    zh: `${cell}（${what}）：规则表被修改，现为${quotedZh(found)}，应为${quotedZh(expected)}。`,
    en: `${cell} (${what}): the rules sheet was changed: it holds ${quoted(found)}, it should be ${quoted(expected)}.`,
  }),
  rowMissing: (sheet: string, what: string): Localised => ({
    zh: `${sheet}：找不到 ${what} 的行（A 列中没有它的代码，或其标题被修改），该行未检查。`,
    en: `${sheet}: there is no row for ${what} (its code is not in column A, or its heading was changed); the row was not checked.`,
  }),
  sheetMissing: (sheet: string, other: string): Localised => ({
    zh: `缺少工作表“${sheet}”（${other}），无法检查。`,
    en: `The sheet "${sheet}" (${other}) is missing; it cannot be checked.`,
  }),
  shapeChanged: (sheet: string): Localised => ({
    zh: `${sheet}：行或列不在 StarScore 放置的位置（插入、删除或移动了行列），此工作表的公式与内容未检查。`,
    en: `${sheet}: its rows or columns are not where StarScore put them (inserted, deleted or moved); its formulas and contents were not checked.`,
  }),
  nameMissing: (name: string, target: string): Localised => ({
    zh: `名称 ${name} 缺失；它应指向 ${target}。`,
    en: `The name ${name} is missing; it should refer to ${target}.`,
  }),
  nameMoved: (name: string, found: string, target: string): Localised => ({
    zh: `名称 ${name} 指向 ${found}，而不是 ${target}。`,
    en: `The name ${name} refers to ${found}, not to ${target}.`,
  }),
  fingerprintMissing: (cell: string): Localised => ({
    zh: `${cell}：工作簿没有目录与规则指纹（${FINGERPRINT_NAME}）。`,
    en: `${cell}: the workbook has no catalogue and rules fingerprint (${FINGERPRINT_NAME}).`,
  }),
  fingerprintDiffers: (cell: string, found: string, expected: string): Localised => ({
    zh: `${cell}：目录与规则指纹 ${short(found)} 与本版 StarScore 的 ${short(expected)} 不同：工作簿由另一版本的目录或规则生成，或指纹被修改。`,
    en: `${cell}: the catalogue and rules fingerprint ${short(found)} is not this StarScore's (${short(expected)}): the workbook was made from another version of the catalogue or rules, or the fingerprint was edited.`,
  }),
  layoutOlder: (cell: string, version: number, current: number): Localised => ({
    zh: `${cell}：工作簿的版式版本为 ${version}，由较早的 StarScore 生成（当前版式版本为 ${current}），这不表示它被篡改。此后版式有改动的部分未检查，其余部分已检查。请转换为当前版式（starscore convert 工作簿 -o 新工作簿），即可完整检查。`,
    en: `${cell}: the workbook has layout version ${version}: it was made by an earlier StarScore (the current layout version is ${current}); this does not mean it was tampered with. The parts laid out differently since were not checked, the rest was. Convert it to the current layout (starscore convert workbook -o new-workbook) to check it fully.`,
  }),
  layoutNewer: (cell: string, version: number, current: number): Localised => ({
    zh: `${cell}：工作簿的版式版本为 ${version}，比本版 StarScore 支持的 ${current} 新，无法检查。请升级 StarScore。`,
    en: `${cell}: the workbook has layout version ${version}, newer than the ${current} this StarScore knows; it cannot be checked. Upgrade StarScore.`,
  }),
  valueDiffers: (cell: string, what: string, found: string, expected: string): Localised => {
    const f = shown(found, BLANK);
    const e = shown(expected, BLANK);
    return {
      zh: `${cell}（${what}）：表中显示 ${f.zh}，而引擎按工作簿中的录入计算为 ${e.zh}。`,
      en: `${cell} (${what}): the sheet shows ${f.en}, but the engine computes ${e.en} from the workbook's entries.`,
    };
  },
};
