import { columnLetter } from "../../src/workbook/address";

/**
 * R1C1 → A1 for one formula in one cell: what Excel shows for a formula written through
 * formulasR1C1. Written independently of src/taskpane/excel/r1c1.ts (a scan for R…C… tokens rather
 * than a classifier of A1 words), so that the fake checks the converter instead of mirroring it.
 */
const NAME_CHAR = /[\p{L}\p{N}_.\\?$]/u;
const WORD = /[\p{L}\p{N}_.\\?$]+/uy;
/** R[-1]C2, RC, R5C[3]; R[2] or C alone (one end of a whole-row or whole-column range). */
const REFERENCE = /R(\[-?\d+\]|\d+)?(?:C(\[-?\d+\]|\d+)?)?|C(\[-?\d+\]|\d+)?/y;

export function r1c1ToA1(formula: string, row: number, column: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name; a doubled quote is an escaped one.
      let end = i + 1;
      while (end < formula.length) {
        if (formula[end] === ch && formula[end + 1] === ch) end += 2;
        else if (formula[end] === ch) break;
        else end += 1;
      }
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (!NAME_CHAR.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    REFERENCE.lastIndex = i;
    const ref = REFERENCE.exec(formula);
    const after = ref ? formula[i + ref[0].length] : undefined;
    if (ref && !(after !== undefined && (NAME_CHAR.test(after) || after === "(" || after === "!"))) {
      const [text, r, c, onlyC] = ref;
      if (text.startsWith("C")) out += part(onlyC, column, columnLetter);
      else if (text.includes("C")) out += part(c, column, columnLetter) + part(r, row, String);
      else out += part(r, row, String);
      i += text.length;
      continue;
    }
    // A name, a function name, a sheet name, a number: copied whole.
    WORD.lastIndex = i;
    const word = WORD.exec(formula)![0];
    out += word;
    i += word.length;
  }
  return out;
}

/** "[-2]" relative, "5" absolute ("$"), nothing: this row or column. */
function part(spec: string | undefined, here: number, show: (n: number) => string): string {
  if (spec === undefined) return show(here);
  if (spec.startsWith("[")) return show(here + Number(spec.slice(1, -1)));
  return `$${show(Number(spec))}`;
}
