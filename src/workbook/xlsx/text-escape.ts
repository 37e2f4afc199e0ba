/**
 * Text the .xlsx package can carry exactly. SpreadsheetML stores strings as XML, which cannot hold
 * most control characters, U+FFFE/U+FFFF or lone surrogates, and turns "\r" into "\n"; Excel's own
 * escape for such characters is `_xHHHH_` (ST_Xstring), which readers decode. So a literal
 * `_xHHHH_` in user text must itself be escaped (`_x005F_` is "_"), or Excel would show another
 * character. ExcelJS does none of this on write (it drops control characters), hence this module.
 */

/** Code units XML 1.0 cannot hold, plus "\r" (normalised away) and DEL (dropped by ExcelJS). */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x08\x0B-\x0D\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LITERAL_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;

const hex = (ch: string) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

/** A cell's text, escaped so that Excel and ExcelJS read back exactly `text`. */
export function encodeCellText(text: string): string {
  return text.replace(LITERAL_ESCAPE, "_x005F_").replace(UNSAFE, hex);
}

/**
 * A formula's cached text result (`<v>`, where the escape is not decoded by every reader): only
 * made safe for XML, since Excel recalculates it on open anyway.
 */
export function safeCachedText(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === "\r" ? ch : "\uFFFD"));
}
