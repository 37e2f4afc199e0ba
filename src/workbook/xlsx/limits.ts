/**
 * What the .xlsx reader accepts, in one place. A workbook is untrusted input: a file from an email
 * or a shared drive may be damaged, made by another program, or built to exhaust the reader (a zip
 * bomb, a sheet claiming a million rows, a merge over the whole sheet). Every limit below is far
 * above what a StarScore workbook needs (figures measured on the workbook StarScore writes with the
 * most evaluator columns it allows, 200), and far below what would make the reader run for minutes
 * or exhaust memory. A file beyond a limit is refused with a message before the part that would
 * cost is parsed; nothing is ever allocated per row, cell or byte a file merely claims to have.
 */
export const XLSX_LIMITS = {
  /**
   * The file itself: 20 MB. StarScore's largest workbook (200 evaluators, every entry filled) is
   * 0.25 MB; Excel's re-saves are of the same order. 20 MB leaves room for pictures a user pastes,
   * and is checked before anything is unzipped.
   */
  maxFileBytes: 20 * 1024 * 1024,

  /**
   * Parts (files) in the zip package. A workbook has about 20; one with many pictures, a few
   * hundred. Each part costs a little to inspect, so a package of millions of empty parts is refused.
   */
  maxParts: 2_000,

  /**
   * All parts unzipped: 50 MB. StarScore's largest workbook unzips to 2.2 MB. The slowest reader of
   * a workbook, ExcelJS (the integrity check of `verify`, `report` and `merge`; the reader itself
   * parses only the sheets it needs, with saxes), parses XML at roughly 10–20 MB a second and holds
   * several times a part's size in memory, so this bounds a read to seconds and memory to well
   * under a gigabyte.
   */
  maxUncompressedBytes: 50 * 1024 * 1024,

  /**
   * How many times larger a part may be unzipped than zipped: 100. Spreadsheet XML compresses about
   * 3–10 times (StarScore's parts: at most 9.6), Excel's own files rarely beyond 30; a zip bomb is
   * built at 1,000 or more. Only parts over `ratioCheckFromBytes` unzipped are judged, since a small
   * part cannot cost much whatever its ratio (a few kilobytes of spaces compress 200 times).
   */
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,

  /**
   * Excel's own grid: 1,048,576 rows and 16,384 columns (XFD). A row or column number beyond them
   * is not a workbook Excel could have written; the parser would allocate by that number.
   */
  excelRows: 1_048_576,
  excelColumns: 16_384,

  /**
   * Cells one merge, one data validation list or one defined name may span before the reader
   * stops trusting it. The parser expands each such range cell by cell (a merge over A1:XFD1048576
   * is 17 billion cells). StarScore's own: merges of at most 8 cells, validations of 14,000 cells
   * (200 evaluators × 70 rows), names of one cell. Validations and names are not read back, so one
   * beyond the limit is dropped before parsing; a merge beyond it on an input sheet is refused
   * (it covers inputs), elsewhere dropped.
   */
  maxRangeCells: 200_000,
  /**
   * Merges on one sheet: ExcelJS (the integrity check's reader) checks each new merge against every
   * earlier one, so 50,000 merges cost over a billion checks. StarScore's sheets have at most a few
   * dozen.
   */
  maxMerges: 5_000,

  /**
   * How far the readers look on the input sheets: 20,000 rows and 1,024 columns. The Scoring sheet
   * has 80 rows and at most 414 columns (200 evaluators and their hidden helpers), Info at most 215
   * rows, Special 20 rows plus one per deduction; the rest is margin for rows and columns people
   * insert. A cell with content beyond is reported, never silently dropped; blank but formatted
   * rows beyond (a formatted whole column) are not content.
   */
  maxReadRows: 20_000,
  maxReadColumns: 1_024,
} as const;

/** "20 MB": sizes in messages, in megabytes with one decimal when needed. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
