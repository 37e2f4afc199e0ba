import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellContent, Grid } from "../read/grid";
import { tryParseRef } from "../address";
import { XLSX_LIMITS } from "./limits";

/**
 * A worksheet's XML (SpreadsheetML, ECMA-376 Part 1 §18.3) read straight into a Grid, for the
 * .xlsx reader: the cells' values and cached results, the shared strings, which styles are dates,
 * and the merges. It reads what ExcelJS's worksheet parser reads, the way it reads it (each rule
 * below names ExcelJS 4.4's behaviour it keeps), so a workbook reads the same as it did through
 * ExcelJS (src/workbook/xlsx/exceljs-grid.ts, still used by the integrity check), which
 * test/workbook/xlsx/xml-grid.test.ts asserts cell by cell; but it builds no workbook model, no
 * styles and no formulas, and parses only the sheets the readers ask for. ExcelJS's full parse was
 * most of the time `starscore score` spent on a workbook (docs/performance.md).
 *
 * The XML is parsed by saxes, the well-formedness-checking parser ExcelJS itself uses; a part that
 * is not well-formed throws, and the reader turns that into its "unreadable" message.
 */

/** What the cells refer to outside their sheet: the shared strings and the date styles. */
export interface SheetContext {
  /** xl/sharedStrings.xml's strings, rich text runs joined. */
  readonly sharedStrings: readonly string[];
  /** The cell style indexes (`s`) whose number format is a date's. */
  readonly dateStyles: ReadonlySet<number>;
  /** workbook.xml's `date1904`. */
  readonly date1904: boolean;
}

const BLANK: CellContent = { kind: "blank" };
const NUM_ERROR: CellContent = { kind: "error", value: "#NUM!" };
const UNCOMPUTED: CellContent = { kind: "uncomputed" };

/** A parser over `xml` that calls the handlers with local names (any namespace prefix dropped). */
function parse(
  xml: string,
  handlers: {
    open(name: string, tag: SaxesTagPlain): void;
    close(name: string): void;
    text(text: string): void;
  },
): void {
  const parser = new SaxesParser();
  const local = (name: string) => {
    const colon = name.indexOf(":");
    return colon < 0 ? name : name.slice(colon + 1);
  };
  parser.on("opentag", (tag) => handlers.open(local(tag.name), tag));
  parser.on("closetag", (tag) => handlers.close(local(tag.name)));
  parser.on("text", handlers.text);
  parser.on("cdata", handlers.text);
  parser.write(xml).close();
}

/**
 * A `<t>` element's text with its `_xHHHH_` escapes (ECMA-376 Part 1 §22.9.2.19, ST_Xstring) decoded,
 * as ExcelJS's TextXform decodes them: upper-case hex only, in shared strings and rich text runs.
 */
function unescapeText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * The shared strings: each `<si>`'s text, or its rich text runs' texts joined; phonetic runs
 * (`<rPh>`) are not the string's text (ECMA-376 §18.4.6) and are left out.
 */
export function sharedStringsOf(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  let current: string | undefined;
  let t: string | undefined;
  let phonetic = 0;
  parse(xml, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic += 1;
      else if (name === "t" && phonetic === 0) t = "";
    },
    close(name) {
      if (name === "si") {
        strings.push(current ?? "");
        current = undefined;
      } else if (name === "rPh") phonetic -= 1;
      else if (name === "t" && t !== undefined) {
        if (current !== undefined) current += unescapeText(t);
        t = undefined;
      }
    },
    text(text) {
      if (t !== undefined) t += text;
    },
  });
  return strings;
}

/**
 * Built-in number formats that are dates (ECMA-376 Part 1 §18.8.30): the ids ExcelJS's table of
 * default formats gives a date code (its `isDateFmt`); the test checks this list against that table.
 */
export const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47,
]);

/** ExcelJS's `isDateFmt`: a format code with a date or time letter outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/**
 * The cell styles (indexes into `<cellXfs>`) whose number format is a date's. Style 0 never is:
 * ExcelJS ignores a cell's `s="0"`, and a format id of 0 (General).
 */
export function dateStylesOf(xml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (xml === undefined) return dates;
  const customDates = new Map<number, boolean>();
  let inCellXfs = false;
  let index = 0;
  parse(xml, {
    open(name, tag) {
      if (name === "numFmt") {
        const id = Number.parseInt(tag.attributes["numFmtId"] ?? "", 10);
        if (Number.isInteger(id)) customDates.set(id, isDateFormat(tag.attributes["formatCode"] ?? ""));
      } else if (name === "cellXfs") {
        inCellXfs = true;
      } else if (name === "xf" && inCellXfs) {
        const id = Number.parseInt(tag.attributes["numFmtId"] ?? "", 10);
        if (index > 0 && id) {
          if (customDates.get(id) ?? BUILT_IN_DATE_FORMATS.has(id)) dates.add(index);
        }
        index += 1;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return dates;
}

/** ExcelJS's `excelToDate`: a serial day number as a Date (UTC). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** A cell within Excel's grid: rows 1–1,048,576, columns A–XFD. */
const inExcel = ({ row, column }: { row: number; column: number }) =>
  row >= 1 && row <= XLSX_LIMITS.excelRows && column >= 1 && column <= XLSX_LIMITS.excelColumns;

/** XML entities in a text that the parser already decoded once: ExcelJS decodes a `t="str"` value again. */
function decodeAgain(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e]!,
  );
}

/**
 * The sheet's XML with each formula's text left out (`<f …>SUM(…)</f>` becomes `<f/>`): the reader
 * reads a formula cell's cached value, never its formula, and the formulas are two thirds of a
 * Scoring sheet's XML (the parser would decode their entities character by character). A formula's
 * text holds no "<" (the XML escapes it), so the pattern ends where the element does.
 */
function withoutFormulaText(xml: string): string {
  return xml.replace(/<f\b[^>]*[^/>]>[^<]*<\/f>|<f>[^<]*<\/f>/g, "<f/>");
}

/**
 * One worksheet as a Grid. A cell holds what ExcelJS would give: a number (`parseFloat` of the
 * value, #NUM! when not a number), a shared or inline string, a logical value, an error, a date
 * when its style is a date's, a formula's cached result (uncomputed without one); an empty value
 * is blank. Merged cells other than a merge's top-left read as blank. The grid ends at `limits`;
 * `beyond` names the first cell with content past them, row by row.
 */
export function worksheetGrid(
  name: string,
  xml: string,
  context: SheetContext,
  limits: { rows: number; columns: number } = {
    rows: XLSX_LIMITS.maxReadRows,
    columns: XLSX_LIMITS.maxReadColumns,
  },
): Grid {
  const cells = new Map<number, CellContent>();
  const key = (row: number, column: number) => row * 16_385 + column;
  const merges: string[] = [];
  let lastRow = 0;
  let lastColumn = 0;
  let beyond: Grid["beyond"];

  // The cell being read.
  let row = 0;
  let column = 0;
  let type: string | undefined;
  let style = 0;
  let value: string | undefined;
  let formula = false;
  let hasValue = false;
  let reading: "v" | "t" | undefined;
  let phonetic = 0;
  // An inline string's rich text run (`<is><r><t>`): its text is unescaped, a plain `<is><t>` is not.
  let run: string | undefined;

  const content = (): CellContent => {
    if (formula) {
      // A cached "" (Excel writes `<v></v>` for a formula giving empty text) is blank. Unlike
      // ExcelJS, a cached 0 or FALSE is that value: ExcelJS drops falsy results (FormulaValue's
      // _copyModel in exceljs/lib/doc/cell.js) and so read them as never computed.
      if (type === "str" && value === undefined && hasValue) return BLANK;
      if (!value) return UNCOMPUTED;
      if (type === "str") return text(decodeAgain(value));
      if (type === "b") return { kind: "boolean", value: Number.parseInt(value, 10) !== 0 };
      if (type === "e") return { kind: "error", value };
      return number(Number.parseFloat(value));
    }
    if (value === undefined) return BLANK;
    switch (type) {
      case "s":
        return text(context.sharedStrings[Number.parseInt(value, 10)]);
      case "str":
        return text(decodeAgain(value));
      case "inlineStr":
        return text(value);
      case "b":
        return { kind: "boolean", value: Number.parseInt(value, 10) !== 0 };
      case "e":
        return { kind: "error", value };
      default:
        return number(Number.parseFloat(value));
    }
  };
  const text = (t: string | undefined): CellContent => (t ? { kind: "text", value: t } : BLANK);
  const number = (n: number): CellContent => {
    if (!Number.isFinite(n)) return NUM_ERROR;
    if (context.dateStyles.has(style)) {
      const date = serialDate(n, context.date1904);
      return Number.isNaN(date.getTime())
        ? { kind: "error", value: "#VALUE!" }
        : { kind: "date", value: date };
    }
    return { kind: "number", value: n };
  };

  parse(withoutFormulaText(xml), {
    open(local, tag) {
      switch (local) {
        case "row": {
          const r = Number.parseInt(tag.attributes["r"] ?? "", 10);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          column = 0;
          lastRow = Math.max(lastRow, row);
          break;
        }
        case "c": {
          const at = tryParseRef(tag.attributes["r"] ?? "");
          column = at ? at.column : column + 1;
          if (at) row = at.row;
          type = tag.attributes["t"];
          style = Number.parseInt(tag.attributes["s"] ?? "0", 10) || 0;
          value = undefined;
          formula = false;
          hasValue = false;
          reading = undefined;
          run = undefined;
          lastRow = Math.max(lastRow, row);
          lastColumn = Math.max(lastColumn, column);
          break;
        }
        case "f":
          formula = true;
          break;
        case "v":
          reading = "v";
          hasValue = true;
          break;
        case "rPh":
          phonetic += 1;
          break;
        case "r":
          run = "";
          break;
        case "t":
          if (phonetic === 0) reading = "t";
          break;
        case "mergeCell": {
          const ref = tag.attributes["ref"];
          if (ref) merges.push(ref);
          break;
        }
      }
    },
    close(local) {
      if (local === "v" || local === "t") reading = undefined;
      else if (local === "r" && run !== undefined) {
        value = (value ?? "") + unescapeText(run);
        run = undefined;
      } else if (local === "rPh") phonetic -= 1;
      else if (local === "c") {
        const cell = content();
        if (cell.kind === "blank") return;
        if (row <= limits.rows && column <= limits.columns) cells.set(key(row, column), cell);
        else if (!beyond || row < beyond.row || (row === beyond.row && column < beyond.column))
          beyond = { row, column, ...limits };
      }
    },
    text(t) {
      if (!reading) return;
      if (run !== undefined) run += t;
      else value = value === undefined ? t : value + t;
    },
  });

  // A merge hides all but its top-left cell, and reaches as far as ExcelJS's rows and columns do.
  // Only a merge of two cells within Excel's grid counts (ExcelJS refused the whole file over any
  // other), and at most XLSX_LIMITS.maxRangeCells cells are visited in all: ./package.ts has already
  // dropped or refused larger well-formed merges, so only malformed ones ("a1:xfd20000", which
  // ExcelJS's own decoder reads differently) reach that bound, and they are left out.
  const honoured: string[] = [];
  let budget = XLSX_LIMITS.maxRangeCells;
  for (const ref of merges) {
    const [from, to, ...rest] = ref.split(":").map(tryParseRef);
    if (!from || rest.length > 0 || !inExcel(from) || (to && !inExcel(to))) continue;
    const { row: top, column: left } = from;
    const { row: bottom, column: right } = to ?? from;
    const area =
      Math.max(0, Math.min(bottom, limits.rows) - top + 1) *
      Math.max(0, Math.min(right, limits.columns) - left + 1);
    if (area > budget) continue;
    budget -= area;
    honoured.push(ref);
    lastRow = Math.max(lastRow, bottom);
    lastColumn = Math.max(lastColumn, right);
    for (let r = top; r <= Math.min(bottom, limits.rows); r++) {
      for (let c = left; c <= Math.min(right, limits.columns); c++) {
        if (r !== top || c !== left) cells.delete(key(r, c));
      }
    }
    if (
      beyond &&
      beyond.row >= top &&
      beyond.row <= bottom &&
      beyond.column >= left &&
      beyond.column <= right
    )
      if (beyond.row !== top || beyond.column !== left) beyond = undefined;
  }

  return {
    name,
    lastRow: Math.min(lastRow, limits.rows),
    lastColumn: Math.min(lastColumn, limits.columns),
    at: (r, c) => cells.get(key(r, c)) ?? BLANK,
    merges: honoured,
    ...(beyond && { beyond }),
  };
}
