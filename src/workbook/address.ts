/** A1 addresses: the small arithmetic every sheet builder and reader needs. */

/** 1 → "A", 27 → "AA". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "A" → 1, "AA" → 27. */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function cellRef(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

export function absRef(column: number, row: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/** "$H$5:$H$71": a column segment, absolute. */
export function absColumnRange(column: number, firstRow: number, lastRow: number): string {
  return `${absRef(column, firstRow)}:${absRef(column, lastRow)}`;
}

/** Sheet names are always quoted: they may be Chinese or contain spaces. */
export function sheetRef(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** "H7" → { column: 8, row: 7 }; accepts "$H$7". */
export function parseRef(ref: string): { column: number; row: number } {
  const parsed = tryParseRef(ref);
  if (!parsed) throw new RangeError(`not an A1 cell address: ${ref}`);
  return parsed;
}

/**
 * parseRef, undefined where it would throw. A loop over the characters, not a pattern: the .xlsx
 * reader decodes every cell's address with it (src/workbook/xlsx/xml-grid.ts).
 */
export function tryParseRef(ref: string): { column: number; row: number } | undefined {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let column = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + c - 96;
  }
  if (column === 0) return undefined;
  if (ref.charCodeAt(i) === 36) i += 1;
  if (i === ref.length) return undefined;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + c - 48;
  }
  return { column, row };
}
