import type { Evaluator } from "../../assessment/schema";
import { checkEntry } from "../../core/entries";
import { evaluatorLabel } from "../../core/evaluators";
import type { Step } from "../../spec/rules";
import type { Localised } from "../../spec/types";
import { sheetRef } from "../address";
import type { CellContent } from "./grid";

/**
 * An entry cell that holds something other than a number (text, an error, a logical value, a
 * date): reported with its cell and what to type instead, and read as blank so that the rest of
 * the assessment is still scored. The engine's own checks (range, step, 0.8 for 80) apply to
 * numbers; these are what comes before them, the cell itself.
 */
export const READ_ISSUE_CODES = [
  /** Text that reads as a number ("80", "８０", " 80 ", "80%"): typed as text. */
  "entry-number-as-text",
  /** Any other text. */
  "entry-text",
  /** An error value (#REF!, #N/A, …). */
  "entry-error",
  /** A date: the cell has a date format. */
  "entry-date",
  /** TRUE or FALSE. */
  "entry-logical",
  /** A formula whose result the file does not carry (.xlsx written without cached values). */
  "entry-uncomputed",
] as const;

export type ReadIssueCode = (typeof READ_ISSUE_CODES)[number];

export interface ReadIssue {
  code: ReadIssueCode;
  severity: "error";
  message: Localised;
  item: string;
  /** Evaluator index (column), from 0. */
  evaluator: number;
  field: "scores";
  /** The sheet's name and the cell's A1 address. */
  sheet: string;
  ref: string;
  /** "'评分'!H7": sheet-qualified and quoted, for selecting the cell. */
  cell: string;
}

type Unreadable = Exclude<CellContent, { kind: "number" } | { kind: "blank" }>;

const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}…` : text);
const quoted = (text: string) => JSON.stringify(cut(text));
/** Chinese quotes its text with “”, as all of StarScore's Chinese does. */
const quotedZh = (text: string) => `“${cut(text)}”`;

/**
 * The number a text reads as, the way a person meant it: full-width digits and signs (NFKC),
 * surrounding spaces (including the ideographic space) and a trailing percent sign are allowed.
 */
export function numberFromText(text: string): number | undefined {
  const normal = text.normalize("NFKC").trim();
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%?$/.exec(normal);
  if (!match) return undefined;
  const value = Number(match[1]);
  return Number.isFinite(value) ? value : undefined;
}

/** What to type instead of `value`, as the engine's entry check would suggest; undefined when nothing fits. */
function suggestion(value: number, step: Step): string | undefined {
  const check = checkEntry(value, step);
  if (check.ok) return String(value);
  return check.suggestion;
}

export interface EntryPlace {
  sheet: string;
  ref: string;
  item: string;
  evaluator: number;
  evaluatorInfo: Evaluator;
  step: Step;
}

export function entryIssue(content: Unreadable, place: EntryPlace): ReadIssue {
  const { code, what, todo } = describe(content, place.step);
  const ev = evaluatorLabel(place.evaluatorInfo, place.evaluator);
  const cellName = `${place.sheet}!${place.ref}`;
  return {
    code,
    severity: "error",
    message: {
      zh: `${cellName}（${place.item}，${ev.zh}）：${what.zh}。${todo.zh}。`,
      en: `${cellName} (${place.item}, ${ev.en}): ${what.en}. ${todo.en}.`,
    },
    item: place.item,
    evaluator: place.evaluator,
    field: "scores",
    sheet: place.sheet,
    ref: place.ref,
    cell: sheetRef(place.sheet, place.ref),
  };
}

const TYPE_PERCENT: Localised = {
  zh: "请输入 0–100 的百分数（如 80），或留空",
  en: "Type a percentage from 0 to 100 (e.g. 80), or leave it blank",
};

function describe(
  content: Unreadable,
  step: Step,
): { code: ReadIssueCode; what: Localised; todo: Localised } {
  switch (content.kind) {
    case "text": {
      const number = numberFromText(content.value);
      if (number === undefined) {
        return {
          code: "entry-text",
          what: {
            zh: `单元格中是文本${quotedZh(content.value)}`,
            en: `the cell holds the text ${quoted(content.value)}`,
          },
          todo: TYPE_PERCENT,
        };
      }
      const suggested = suggestion(number, step);
      return {
        code: "entry-number-as-text",
        what: {
          zh: `单元格中是文本${quotedZh(content.value)}，不是数字`,
          en: `the cell holds the text ${quoted(content.value)}, not a number`,
        },
        todo: suggested
          ? { zh: `请直接输入数字 ${suggested}`, en: `Type the number ${suggested} instead` }
          : TYPE_PERCENT,
      };
    }
    case "error":
      return {
        code: "entry-error",
        what: { zh: `单元格中是错误值 ${content.value}`, en: `the cell holds an error (${content.value})` },
        todo: TYPE_PERCENT,
      };
    case "date": {
      const shown = content.value.toISOString().slice(0, 10);
      return {
        code: "entry-date",
        what: {
          zh: `单元格被设为日期格式（显示为 ${shown}）`,
          en: `the cell is formatted as a date (it shows ${shown})`,
        },
        todo: {
          zh: "请把单元格格式改为“常规”或“数值”，再输入 0–100 的百分数",
          en: "Format it as General or Number and type a percentage from 0 to 100",
        },
      };
    }
    case "boolean": {
      const word = content.value ? "TRUE" : "FALSE";
      return {
        code: "entry-logical",
        what: { zh: `单元格中是逻辑值 ${word}`, en: `the cell holds the logical value ${word}` },
        todo: TYPE_PERCENT,
      };
    }
    case "uncomputed":
      return {
        code: "entry-uncomputed",
        what: { zh: "单元格中的公式没有计算结果", en: "the cell holds a formula without a computed value" },
        todo: TYPE_PERCENT,
      };
  }
}
