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
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!match) throw new RangeError(`not an A1 cell address: ${ref}`);
  return { column: columnIndex(match[1]!), row: Number(match[2]) };
}
