/**
 * The one lexer for formula text (English function names and "," separators, as every layout
 * formula is written): the integrity check compares and moves formulas with it
 * (src/workbook/integrity/formula.ts), the add-in's writer turns them into R1C1 with it
 * (src/taskpane/excel/r1c1.ts). A formula is split into
 * - "string": a string literal, with its quotes ("" inside is an escaped quote);
 * - "sheet": a quoted sheet name, with its quotes ('' inside is an escaped quote);
 * - "bracket": a bracketed part (a structured reference, an external book), nesting allowed;
 * - "error": an error literal (#REF!, #N/A, …);
 * - "word": a run of NAME_CHAR (a name, a function name, an unquoted sheet name, a reference, a number);
 * - "space": a run of whitespace;
 * - "other": any other single character (operators, parentheses, "!", ":", ",").
 * Joining the tokens' text gives the formula back.
 */
export type FormulaToken = {
  kind: "string" | "sheet" | "bracket" | "error" | "word" | "space" | "other";
  text: string;
};

/** Characters a name, function name, unquoted sheet name, reference or number is made of. */
export const NAME_CHAR = /[\p{L}\p{N}_.\\?$]/u;
/** A1 cell reference: optional "$", column letters, optional "$", row. */
export const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
/** One end of a whole-column range ("A", "$H"). */
export const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
/** One end of a whole-row range ("3", "$3"). */
export const ROW = /^(\$?)(\d+)$/;
export const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

export function formulaTokens(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    const error = ch === "#" ? ERROR_LITERAL.exec(formula.slice(i)) : null;
    let kind: FormulaToken["kind"];
    let end: number;
    if (ch === '"' || ch === "'") {
      kind = ch === '"' ? "string" : "sheet";
      end = quotedEnd(formula, i, ch);
    } else if (ch === "[") {
      kind = "bracket";
      end = bracketEnd(formula, i);
    } else if (error) {
      kind = "error";
      end = i + error[0].length;
    } else if (NAME_CHAR.test(ch)) {
      kind = "word";
      end = runEnd(formula, i, NAME_CHAR);
    } else if (/\s/.test(ch)) {
      kind = "space";
      end = runEnd(formula, i, /\s/);
    } else {
      kind = "other";
      end = i + 1;
    }
    out.push({ kind, text: formula.slice(i, end) });
    i = end;
  }
  return out;
}

/** Whether the token is "other" with this text. */
export const isOther = (token: FormulaToken | undefined, text: string): boolean =>
  token?.kind === "other" && token.text === text;

function runEnd(formula: string, start: number, char: RegExp): number {
  let end = start + 1;
  while (end < formula.length && char.test(formula[end]!)) end += 1;
  return end;
}

/** End (exclusive) of a "…" string or '…' sheet name starting at `start`; a doubled quote escapes. */
function quotedEnd(formula: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return formula.length;
}

/** End (exclusive) of a bracketed part starting at `start`, nesting allowed. */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    if (formula[i] === "[") depth += 1;
    else if (formula[i] === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}
