import { CELL, formulaTokens, isOther, type FormulaToken } from "../formula-tokens";

/**
 * Formulas as text, compared the way Excel reads them: two formulas are the same when they differ
 * only in what Excel itself does not keep apart or rewrites when it stores or shows a formula:
 * - whitespace outside string literals, quoted sheet names and brackets (structured references);
 * - letter case outside string literals (function names, names, references, sheet names);
 * - the `_xlfn.` / `_xlws.` prefixes a file stores before functions newer than Excel 2007;
 * - the quotes around a sheet name that needs none ('评分'!A1 and 评分!A1 are the same reference);
 * - the `@` of implicit intersection that Excel 365 shows in front of some legacy formulas' parts;
 * - the leading "=" (ExcelJS keeps formulas without it).
 * Anything else (a reference, a name, a constant, an operator) is a difference. The formula's
 * tokens are src/workbook/formula-tokens.ts's.
 */

/** A sheet name Excel writes without quotes. */
const PLAIN_SHEET = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/** Whether the word at `index` is a cell reference (not a function name, a sheet name or a name). */
function isCellRef(list: readonly FormulaToken[], index: number): boolean {
  const token = list[index]!;
  if (token.kind !== "word" || !CELL.test(token.text)) return false;
  const next = list[index + 1];
  return !isOther(next, "(") && !isOther(next, "!");
}

/**
 * The formula as Excel would show it in the cell `delta` rows below (above, when negative): each
 * relative row reference moves by `delta`, absolute ones ($5) stay. This is what Excel's sort does
 * to a row's formulas, and what copying a formula down does.
 */
export function shiftRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  const list = formulaTokens(formula);
  return list
    .map((token, index) => {
      if (!isCellRef(list, index)) return token.text;
      const [, colAbs, column, rowAbs, row] = CELL.exec(token.text)!;
      return rowAbs ? token.text : `${colAbs}${column}${rowAbs}${Number(row) + delta}`;
    })
    .join("");
}

/** The formula in a form where two formulas Excel treats as the same are the same text. */
export function normaliseFormula(formula: string): string {
  const body = formula.trim().replace(/^=/, "");
  const list = formulaTokens(body);
  let out = "";
  list.forEach((token, index) => {
    switch (token.kind) {
      case "string":
        out += token.text;
        return;
      case "bracket":
      case "error":
        out += token.text.toUpperCase();
        return;
      case "space":
        return;
      case "sheet": {
        const name = token.text.slice(1, -1).replace(/''/g, "'");
        const plain = PLAIN_SHEET.test(name) && !CELL.test(name) && !/^R\d*C\d*$/i.test(name);
        out += (plain ? name : token.text).toUpperCase();
        return;
      }
      case "word":
        out += token.text.toUpperCase().replace(/^_XL(FN|WS)\./, "");
        return;
      case "other": {
        // Implicit intersection: "@" before a name, a reference or a function.
        const next = list[index + 1];
        if (token.text === "@" && next && (next.kind === "word" || next.kind === "sheet")) return;
        out += token.text;
        return;
      }
    }
  });
  return `=${out}`;
}

/** Whether two formulas are the same, as normaliseFormula sees them. */
export function sameFormula(a: string, b: string): boolean {
  return normaliseFormula(a) === normaliseFormula(b);
}

/**
 * A reference to one cell as a defined name holds it ("='汇总'!$C$30", "汇总!C30") → sheet name and
 * A1 address without "$"; undefined when it is not one cell on one sheet (#REF!, a range, a constant).
 */
export function parseNameRef(ref: string): { sheet: string; ref: string } | undefined {
  const match = /^=?\s*(?:'((?:[^']|'')+)'|([^'!=]+))!\$?([A-Za-z]{1,3})\$?(\d+)\s*$/.exec(ref.trim());
  if (!match) return undefined;
  return {
    sheet: match[1]?.replace(/''/g, "'") ?? match[2]!.trim(),
    ref: `${match[3]!.toUpperCase()}${match[4]}`,
  };
}
