import { columnIndex } from "../../workbook/address";

/**
 * A1 → R1C1 for one formula written into one cell. Excel applies a single R1C1 formula assigned to
 * a block of cells to every cell of the block, so the ~10,000 near-identical A1 formulas of the
 * hidden grid collapse into a handful of requests once their references are relative offsets.
 *
 * Only cell, row and column references change; everything else is copied as written: string
 * literals ("A1" stays text), quoted and unquoted sheet names ('评分'!), function names (LOG10( is a
 * function, not column LOG row 10), defined names (Setting_Step), numbers, error literals and
 * structured references. The formula must be in English (function names and "," separators), as
 * every layout formula is.
 */
export interface CellPosition {
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** Characters a name, function name, sheet name or reference is made of. */
const WORD_CHAR = /[\p{L}\p{N}_.\\$?]/u;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;
const ERROR_LITERAL =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;

export function toR1C1(formula: string, at: CellPosition): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const end = quotedEnd(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "[") {
      const end = bracketEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "#" && ERROR_LITERAL.test(formula.slice(i))) {
      const literal = ERROR_LITERAL.exec(formula.slice(i))![0];
      out += literal;
      i += literal.length;
    } else if (WORD_CHAR.test(ch)) {
      const end = wordEnd(formula, i);
      const word = formula.slice(i, end);
      const next = formula[end];
      if (next === "!" || next === "(") {
        // A sheet name or a function name.
        out += word;
        i = end;
        continue;
      }
      const span = next === ":" ? lineRange(formula, word, end + 1, at) : undefined;
      if (span) {
        out += span.text;
        i = span.end;
        continue;
      }
      out += cellR1C1(word, at) ?? word;
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** "$B7" in D7 → "RC2"; undefined when the word is not a cell reference (a name, a number). */
function cellR1C1(word: string, at: CellPosition): string | undefined {
  const match = CELL.exec(word);
  if (!match) return undefined;
  const column = columnIndex(match[2]!);
  const row = Number(match[4]);
  if (column > MAX_COLUMN || row < 1 || row > MAX_ROW) return undefined;
  return rowPart(row, match[3] === "$", at) + columnPart(column, match[1] === "$", at);
}

/** Whole rows ("3:4", "$3:$4") and whole columns ("A:A", "$H:$J"): both ends must be of one kind. */
function lineRange(
  formula: string,
  first: string,
  secondStart: number,
  at: CellPosition,
): { text: string; end: number } | undefined {
  if (!WORD_CHAR.test(formula[secondStart] ?? "")) return undefined;
  const end = wordEnd(formula, secondStart);
  const second = formula.slice(secondStart, end);
  const rows = [ROW.exec(first), ROW.exec(second)];
  if (rows[0] && rows[1]) {
    const [a, b] = rows.map((m) => ({ n: Number(m![2]), abs: m![1] === "$" }));
    if (a!.n < 1 || b!.n < 1 || a!.n > MAX_ROW || b!.n > MAX_ROW) return undefined;
    return { text: `${rowPart(a!.n, a!.abs, at)}:${rowPart(b!.n, b!.abs, at)}`, end };
  }
  const columns = [COLUMN.exec(first), COLUMN.exec(second)];
  if (columns[0] && columns[1]) {
    const [a, b] = columns.map((m) => ({ n: columnIndex(m![2]!), abs: m![1] === "$" }));
    if (a!.n > MAX_COLUMN || b!.n > MAX_COLUMN) return undefined;
    return { text: `${columnPart(a!.n, a!.abs, at)}:${columnPart(b!.n, b!.abs, at)}`, end };
  }
  return undefined;
}

function rowPart(row: number, absolute: boolean, at: CellPosition): string {
  return absolute ? `R${row}` : offset("R", row - at.row);
}

function columnPart(column: number, absolute: boolean, at: CellPosition): string {
  return absolute ? `C${column}` : offset("C", column - at.column);
}

const offset = (axis: "R" | "C", delta: number) => (delta === 0 ? axis : `${axis}[${delta}]`);

function wordEnd(formula: string, start: number): number {
  let end = start;
  while (end < formula.length && WORD_CHAR.test(formula[end]!)) end += 1;
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

/** End (exclusive) of a bracketed part (structured reference, external book), nesting allowed. */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    if (formula[i] === "[") depth += 1;
    else if (formula[i] === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}
