import { RESULT_NAMES } from "../../workbook/names";
import type { IntegrityIssue } from "../actions/types";
import { fmt, type Lang, type MessageKey, type Messages } from "../i18n";

/**
 * An integrity finding as the pane says it: a sentence in words, and, when a formula is involved,
 * the formula's text apart (in a disclosure), so that a long formula never becomes one unbreakable
 * line of the sentence.
 */
export interface FindingText {
  text: string;
  /** What StarScore wrote and what the cell holds, for a finding about a formula. */
  formula?: { expected: string; found: string };
}

/** The Summary's result names (Result_Grade…) as words: they are the workbook's, not the reader's. */
const RESULT_WORDS: Record<string, MessageKey> = {
  [RESULT_NAMES.rawScore]: "resultRawScore",
  [RESULT_NAMES.applicableTotal]: "resultApplicableTotal",
  [RESULT_NAMES.scaledScore]: "resultScaledScore",
  [RESULT_NAMES.deductions]: "resultDeductions",
  [RESULT_NAMES.bonus]: "resultBonus",
  [RESULT_NAMES.finalScore]: "resultFinalScore",
  [RESULT_NAMES.grade]: "resultGrade",
  [RESULT_NAMES.passed]: "resultPassed",
  [RESULT_NAMES.complete]: "resultComplete",
};

/** What a finding is about, in words: "Result_Grade" → "等级"; anything else as it is. */
export function whatWords(what: string, t: Messages): string {
  const key = RESULT_WORDS[what];
  return key ? t[key] : what;
}

const shorten = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function findingText(issue: IntegrityIssue, t: Messages, lang: Lang): FindingText {
  const what = whatWords(issue.what, t);
  // Compute's comparison of the live figures with the engine: two short values.
  if (!issue.message) {
    return { text: fmt(t.integrityRow, { what, sheet: issue.sheetValue, engine: issue.engineValue }) };
  }
  const expected = issue.engineValue;
  const found = issue.sheetValue;
  if (!expected.startsWith("=") || expected === found) {
    // The check's own sentence, with a result's defined name in words.
    return {
      text: what === issue.what ? issue.message[lang] : issue.message[lang].split(issue.what).join(what),
    };
  }
  const text =
    found === ""
      ? fmt(t.findingFormulaCleared, { what })
      : found.startsWith("=")
        ? fmt(t.findingFormulaChanged, { what })
        : fmt(t.findingFormulaReplaced, { what, value: shorten(found) });
  return { text, formula: { expected, found } };
}
