/**
 * Whether an Excel number format shows a date (or time): what turns a cell's number into a date
 * for the readers, as ExcelJS does for .xlsx files. Literal text ("…", \x), colours and conditions
 * ([Red], [<=100]), locale tags ([$-804]) and fill/skip characters (*x, _x) are no date codes;
 * elapsed-time codes ([h], [mm], [ss]) and the letters y, m, d, h, s, e (era year), g (era) and
 * the Chinese 年月日 are. "General" and the numeric formats ("0.0", "0%", "#,##0") are not dates.
 */
export function isDateFormat(format: unknown): boolean {
  // "G/通用格式" is General as Chinese Excel writes it (numberFormatLocal); numberFormat says "General".
  if (typeof format !== "string" || format === "" || /^(general|G\/通用格式)$/i.test(format)) return false;
  // The first section is the one that shows a positive number.
  const section = splitSections(format)[0] ?? "";
  const stripped = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  if (/^general$/i.test(stripped.trim())) return false;
  return /[ymdhsegYMDHSEG年月日时分秒]/.test(stripped) && !/^[#0.,%\s?/E+-]*$/i.test(stripped);
}

/** Sections of a number format, split on ";" outside quotes and escapes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end + 1;
      current += format.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

/** Days from Excel's epoch (1899-12-30 in the 1900 date system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * A date serial of the 1900 date system as a Date at UTC midnight (plus the time of day), as
 * ExcelJS builds them. Serials below 61 are shifted by a day: Excel counts a 29 February 1900 that
 * never was (serial 60), so serial 59 is 28 February 1900 and serial 1 is 1 January 1900.
 */
export function dateFromSerial(serial: number): Date {
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}
