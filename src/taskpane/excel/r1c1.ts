import { columnIndex } from "../../workbook/address";
import { CELL, COLUMN, formulaTokens, isOther, ROW } from "../../workbook/formula-tokens";

/**
 * A1 → R1C1 for one formula written into one cell. Excel applies a single R1C1 formula assigned to
 * a block of cells to every cell of the block, so the ~10,000 near-identical A1 formulas of the
 * hidden grid collapse into a handful of requests once their references are relative offsets.
 *
 * Only cell, row and column references change; everything else is copied as written: string
 * literals ("A1" stays text), quoted and unquoted sheet names ('评分'!), function names (LOG10( is a
 * function, not column LOG row 10), defined names (Setting_Step), numbers, error literals and
 * structured references. The formula must be in English (function names and "," separators), as
 * every layout formula is; its tokens are src/workbook/formula-tokens.ts's.
 */
export interface CellPosition {
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

export function toR1C1(formula: string, at: CellPosition): string {
  const list = formulaTokens(formula);
  let out = "";
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    const next = list[i + 1];
    // Anything but a word, and a word that is a sheet name or a function name, is copied.
    if (token.kind !== "word" || isOther(next, "!") || isOther(next, "(")) {
      out += token.text;
      continue;
    }
    const second = isOther(next, ":") ? list[i + 2] : undefined;
    const span = second?.kind === "word" ? lineRange(token.text, second.text, at) : undefined;
    if (span !== undefined) {
      out += span;
      i += 2;
      continue;
    }
    out += cellR1C1(token.text, at) ?? token.text;
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
function lineRange(first: string, second: string, at: CellPosition): string | undefined {
  const rows = [ROW.exec(first), ROW.exec(second)];
  if (rows[0] && rows[1]) {
    const [a, b] = rows.map((m) => ({ n: Number(m![2]), abs: m![1] === "$" }));
    if (a!.n < 1 || b!.n < 1 || a!.n > MAX_ROW || b!.n > MAX_ROW) return undefined;
    return `${rowPart(a!.n, a!.abs, at)}:${rowPart(b!.n, b!.abs, at)}`;
  }
  const columns = [COLUMN.exec(first), COLUMN.exec(second)];
  if (columns[0] && columns[1]) {
    const [a, b] = columns.map((m) => ({ n: columnIndex(m![2]!), abs: m![1] === "$" }));
    if (a!.n > MAX_COLUMN || b!.n > MAX_COLUMN) return undefined;
    return `${columnPart(a!.n, a!.abs, at)}:${columnPart(b!.n, b!.abs, at)}`;
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
