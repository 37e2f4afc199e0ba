import JSZip from "jszip";
import type { Localised } from "../../spec/types";
import { MESSAGES } from "../read/messages";
import { XLSX_LIMITS as LIMITS, megabytes } from "./limits";
import { foldName, sheetNamesOf } from "../sheet-names";
import { inflateRaw } from "./inflate";

/**
 * The zip package of an .xlsx, inspected and unzipped for the reader (src/workbook/xlsx/limits.ts
 * says why each limit). The limits were set for ExcelJS, which parsed the package until the reader
 * parsed the sheets' XML itself (./xml-grid.ts); they still bound what the reader unzips and the
 * merges it expands, and a workbook is refused or read as it was before. So:
 *
 * - the central directory (read by JSZip, which unzips nothing) must declare at most
 *   `maxParts` parts, `maxUncompressedBytes` in all and no large part compressed beyond
 *   `maxCompressionRatio`;
 * - every part is then unzipped here with its declared size as a hard cap (a part that lies about
 *   its size is stopped at the lie, not after), which also gives the XML to look at;
 * - worksheet XML must not number a row beyond Excel's last; merges, data validations, defined
 *   names and column ranges a parser would expand cell by cell are measured: those not read
 *   back are dropped from the XML the reader gets, a merge too large on an input sheet is refused.
 *
 * Nothing here throws: a damaged or hostile package gives a message, in both languages.
 */
export type PackageCheck =
  | {
      ok: true;
      /** The parts the reader reads (workbook, relationships, worksheets, shared strings, styles), as XML, by part name. */
      parts: ReadonlyMap<string, string>;
    }
  | { ok: false; message: Localised };

interface CompressedData {
  compressedSize: number;
  uncompressedSize: number;
  compression: { magic: string } | null;
  compressedContent: Uint8Array;
}

/** JSZip keeps a loaded part's sizes and raw bytes on `_data` (JSZip 3; checked at run time). */
function compressedData(file: JSZip.JSZipObject): CompressedData | undefined {
  const data = (file as unknown as { _data?: Partial<CompressedData> })._data;
  if (
    data &&
    typeof data.compressedSize === "number" &&
    typeof data.uncompressedSize === "number" &&
    data.compressedContent instanceof Uint8Array
  ) {
    return data as CompressedData;
  }
  return undefined;
}

const DEFLATE = "\x08\x00";
const STORE = "\x00\x00";

export async function inspectPackage(data: Uint8Array): Promise<PackageCheck> {
  if (data.length > LIMITS.maxFileBytes) {
    return fail(MESSAGES.fileTooLarge(megabytes(data.length), megabytes(LIMITS.maxFileBytes)));
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (error) {
    return fail(MESSAGES.unreadable(detail(error)));
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > LIMITS.maxParts) return fail(MESSAGES.tooManyParts(files.length, LIMITS.maxParts));

  // 1. What the central directory declares: refuse before unzipping anything.
  const parts: { file: JSZip.JSZipObject; raw: CompressedData }[] = [];
  let total = 0;
  for (const file of files) {
    const raw = compressedData(file);
    if (!raw) return fail(MESSAGES.unreadable(`${file.name}: unknown zip entry`));
    total += raw.uncompressedSize;
    if (total > LIMITS.maxUncompressedBytes) {
      return fail(MESSAGES.zipTooLarge(megabytes(LIMITS.maxUncompressedBytes)));
    }
    if (isBomb(raw.uncompressedSize, raw.compressedSize)) {
      return fail(MESSAGES.zipBomb(file.name, ratio(raw), LIMITS.maxCompressionRatio));
    }
    parts.push({ file, raw });
  }
  if (isBomb(total, data.length)) {
    return fail(
      MESSAGES.zipBomb("", Math.round(total / Math.max(1, data.length)), LIMITS.maxCompressionRatio),
    );
  }

  // 2. Unzip each part, never beyond its declared size; keep the XML the reader reads, by part name.
  const texts = new Map<string, string>();
  for (const { file, raw } of parts) {
    const name = partName(file.name);
    const inflated = await inflate(raw);
    if (inflated === "too-large") return fail(MESSAGES.zipLies(file.name, raw.uncompressedSize));
    if (inflated === undefined) return fail(MESSAGES.unreadable(`${file.name}: damaged zip entry`));
    if (isWorksheetPart(name) || READ_PARTS.has(name)) {
      texts.set(name, UTF8.decode(inflated));
    }
  }

  // 3. Ranges the XML parser would expand cell by cell.
  // The reader gets the defused XML: each part is replaced in place (setting a key a Map already
  // holds does not change its iteration).
  const sheetNames = sheetNamesByPart(texts);
  for (const [name, xml] of texts) {
    if (name === WORKBOOK_PART) {
      texts.set(name, dropLargeDefinedNames(xml));
      continue;
    }
    if (!isWorksheetPart(name)) continue;
    const checked = defuseWorksheet(xml, sheetNames.get(name) ?? name);
    if (!checked.ok) return checked;
    texts.set(name, checked.xml);
  }
  return { ok: true, parts: texts };
}

const fail = (message: Localised): PackageCheck => ({ ok: false, message });
const detail = (error: unknown) => (error instanceof Error ? error.message : String(error));
const ratio = (raw: CompressedData) => Math.round(raw.uncompressedSize / Math.max(1, raw.compressedSize));

function isBomb(uncompressed: number, compressed: number): boolean {
  return (
    uncompressed >= LIMITS.ratioCheckFromBytes &&
    uncompressed > LIMITS.maxCompressionRatio * Math.max(1, compressed)
  );
}

const UTF8 = new TextDecoder("utf-8");

/** The part's bytes, unzipped with its declared size as the cap; "too-large" when it claims less. */
async function inflate(raw: CompressedData): Promise<Uint8Array | "too-large" | undefined> {
  const magic = raw.compression?.magic;
  const content = raw.compressedContent;
  if (magic === STORE) return content.length === raw.uncompressedSize ? content : undefined;
  if (magic !== DEFLATE) return undefined;
  return inflateRaw(content, raw.uncompressedSize);
}

// ExcelJS's own part names (it strips a leading "/" and matches these patterns, unanchored).
const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
export const SHARED_STRINGS_PART = "xl/sharedStrings.xml";
export const STYLES_PART = "xl/styles.xml";
const READ_PARTS = new Set([WORKBOOK_PART, WORKBOOK_RELS, SHARED_STRINGS_PART, STYLES_PART]);
const partName = (entry: string) => (entry.startsWith("/") ? entry.slice(1) : entry);
const isWorksheetPart = (name: string) =>
  /xl\/worksheets\/sheet(\d+)[.]xml/.test(name) && !/\.rels$/.test(name);

/** Sheet name of each worksheet part, from the workbook and its relationships (for messages). */
function sheetNamesByPart(texts: ReadonlyMap<string, string>): Map<string, string> {
  const byPart = new Map<string, string>();
  for (const { name, part } of workbookSheets(texts)) byPart.set(part, name);
  return byPart;
}

/**
 * The workbook's sheets in their order (xl/workbook.xml's `<sheet>`s, each with the part its
 * relationship targets), given the parts by name; a sheet whose part is missing is left out, as
 * ExcelJS leaves it out.
 */
export function workbookSheets(parts: ReadonlyMap<string, string>): { name: string; part: string }[] {
  const workbook = parts.get(WORKBOOK_PART);
  const rels = parts.get(WORKBOOK_RELS);
  if (!workbook || !rels) return [];
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, "Id");
    const target = attribute(tag, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: { name: string; part: string }[] = [];
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, "name");
    const id = attribute(tag, "r:id");
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part && parts.has(part)) sheets.push({ name, part });
  }
  return sheets;
}

/** xl/workbook.xml's `date1904` (ExcelJS reads it as true only when it is "1"). */
export function isDate1904(parts: ReadonlyMap<string, string>): boolean {
  const tag = /<workbookPr\b[^>]*>/.exec(parts.get(WORKBOOK_PART) ?? "")?.[0];
  return tag !== undefined && attribute(tag, "date1904") === "1";
}

/** An attribute's value, XML entities decoded. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`[\\s<]${name.replace(":", "\\:")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[2] ?? match[3] ?? "") : undefined;
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return codePoint(parseInt(lower.slice(2), 16), whole);
    if (lower.startsWith("#")) return codePoint(parseInt(lower.slice(1), 10), whole);
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[lower] ?? whole;
  });
}

const codePoint = (n: number, fallback: string) =>
  Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;

/**
 * Cells ExcelJS would visit for a range list ("A1:B2 D4"; "'Sheet'!$A$1:$B$2"): its own address
 * decoding mirrored (colCache.decodeEx / decodeAddress in ExcelJS 4.4), which is lenient (it skips
 * characters it does not know, takes the first two parts of "A1:B2:C3") and then loops over the
 * rows and columns it decoded, allocating as it goes. A dimension it could not decode at both ends
 * is NaN to it: that loop is empty, but a loop around it still runs, so it counts once. An address
 * it refuses (a column past XFD) counts 0: it throws before looping. A row past Excel's last
 * counts as too many, whatever the range's size.
 */
export function rangeCells(list: string): number {
  let cells = 0;
  for (const token of list.split(/\s+/)) if (token !== "") cells += decodedCells(token);
  return cells;
}

function decodedCells(value: string): number {
  const reference = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/.exec(value)?.[3] ?? "";
  const parts = reference.split(":");
  const a = decodeAddress(parts[0]!);
  const b = parts.length < 2 ? a : decodeAddress(parts[1]!);
  if (!a || !b) return 0;
  // A row past Excel's last makes ExcelJS's row array that long (and every later pass over it slow).
  if ((a.row ?? 0) > LIMITS.excelRows || (b.row ?? 0) > LIMITS.excelRows) return Infinity;
  if (parts.length < 2) return 1;
  const span = (x: number | undefined, y: number | undefined) =>
    x === undefined || y === undefined ? 1 : Math.abs(y - x) + 1;
  const cells = span(a.row, b.row) * span(a.column, b.column);
  return Number.isFinite(cells) ? cells : Infinity;
}

/** ExcelJS's decodeAddress: undefined when it throws; a part it does not find is undefined. */
function decodeAddress(value: string): { row?: number; column?: number } | undefined {
  let [hasColumn, column, hasRow, row] = [false, 0, false, 0];
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (!hasRow && char >= 65 && char <= 90) {
      hasColumn = true;
      column = column * 26 + char - 64;
    } else if (char >= 48 && char <= 57) {
      hasRow = true;
      row = row * 10 + char - 48;
    } else if (hasRow && hasColumn && char !== 36) {
      break;
    }
  }
  if (hasColumn && column > LIMITS.excelColumns) return undefined;
  return { ...(hasRow && { row }), ...(hasColumn && { column }) };
}

/** The input sheets, whose merges matter (either language, any case). */
const INPUT_SHEETS = new Set(sheetNamesOf(["info", "scoring", "special"]).map(foldName));

type Defused = { ok: true; xml: string } | { ok: false; message: Localised };

function defuseWorksheet(xml: string, sheet: string): Defused {
  // Rows beyond Excel's last: ExcelJS would index its row array by them.
  for (const match of xml.matchAll(/<row\b[^>]*?\sr\s*=\s*["']\s*\+?(\d+)/g)) {
    const row = Number(match[1]);
    if (row > LIMITS.excelRows)
      return { ok: false, message: MESSAGES.rowBeyondExcel(sheet, row, LIMITS.excelRows) };
  }
  let out = xml;
  // Column widths over columns beyond XFD: ExcelJS makes one object per column up to `max`.
  const cols = [...out.matchAll(/<col\b[^>]*>/g)].some((m) =>
    ["min", "max"].some((name) => Number.parseInt(attribute(m[0], name) ?? "0", 10) > LIMITS.excelColumns),
  );
  if (cols) out = out.replace(/<cols\b[^>]*\/>|<cols\b[\s\S]*?<\/cols>/g, "");

  // Data validations (not read back): dropped when they span too many cells.
  let validationCells = 0;
  for (const match of out.matchAll(/<dataValidation\b[^>]*>/g)) {
    validationCells += rangeCells(attribute(match[0], "sqref") ?? "");
  }
  if (validationCells > LIMITS.maxRangeCells) {
    out = out.replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g, "");
  }

  // Merges: ExcelJS visits every cell of each one.
  const merges = [...out.matchAll(/<mergeCell\b[^>]*>/g)].map((m) => ({
    tag: m[0],
    ref: attribute(m[0], "ref") ?? "",
  }));
  // Each merge is also checked against every earlier one: their number is bounded too.
  const mergedCells = merges.reduce((sum, m) => sum + rangeCells(m.ref), 0);
  if (mergedCells > LIMITS.maxRangeCells || merges.length > LIMITS.maxMerges) {
    const largest = merges.reduce((a, b) => (rangeCells(b.ref) > rangeCells(a.ref) ? b : a));
    if (INPUT_SHEETS.has(foldName(sheet.trim()))) {
      return {
        ok: false,
        message: MESSAGES.mergeTooLarge(sheet, largest.ref, {
          merges: LIMITS.maxMerges,
          cells: LIMITS.maxRangeCells,
        }),
      };
    }
    out = out.replace(/<mergeCells\b[^>]*\/>|<mergeCells\b[\s\S]*?<\/mergeCells>/g, "");
  }
  return { ok: true, xml: out };
}

/** Defined names over too many cells (not read back: StarScore's own names are single cells). */
function dropLargeDefinedNames(xml: string): string {
  return xml.replace(/<definedName\b[^>]*>([\s\S]*?)<\/definedName>/g, (whole, text: string) => {
    const decoded = decodeXml(text);
    // ExcelJS splits the text at commas (keeping quoted sheet names whole); measuring both the
    // pieces and the whole text covers either way it may split.
    const cells = decoded.split(",").reduce((sum, part) => sum + decodedCells(part), 0);
    return Math.max(cells, decodedCells(decoded)) > LIMITS.maxRangeCells ? "" : whole;
  });
}
