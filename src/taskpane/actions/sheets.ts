import type { Lang } from "../../spec/types";
import type { Grid } from "../../workbook/read/grid";
import { columnLetter, parseRef } from "../../workbook/address";
import { SHEET_NAMES } from "../../workbook/labels";
import type { SheetKey } from "../../workbook/types";
import type { HostContext, HostDataRange, HostWorksheet } from "../excel/host";
import { bandsGrid, officeGrid } from "../excel/office-grid";
import { errorCode } from "./run";
import { foldName as fold } from "../../workbook/sheet-names";

/**
 * The first request of an action: StarScore's sheets, found by name in either language, with
 * their used ranges and protection, all in one sync. Each sheet is asked for under its Chinese and
 * its English name with getItemOrNullObject: the name that does not exist gives a null object
 * (and so do its used range and protection), so the workbook's language is known from what came
 * back without a request to list the sheets first.
 *
 * Used ranges are loaded values-only, with what the readers need (values, valueTypes,
 * numberFormat) and their address (a used range starts at its first used cell, not at A1), within
 * READ_AREA only: never a sheet's used range blindly, which a stray value at the sheet's far end
 * would make millions of cells (over the 5,000,000-cell read limit). The whole used range's
 * address alone comes too, so content beyond the area is reported (the readers' `beyond`), never
 * dropped silently.
 */
export const SHEET_KEYS: readonly SheetKey[] = [
  "info",
  "scoring",
  "special",
  "summary",
  "plan",
  "rules",
  "audit",
];

/**
 * The sheets whose cells the readers need: the inputs (the Plan sheet's targets, when the workbook
 * has one, so that a rebuild keeps them). Summary and Rules only when asked.
 */
export const INPUT_SHEETS: readonly SheetKey[] = ["info", "scoring", "special", "plan"];

interface Candidate {
  key: SheetKey;
  lang: Lang;
  name: string;
  worksheet: HostWorksheet;
  /** The used part of READ_AREA, with RANGE_DATA. */
  used?: HostDataRange;
  /** The sheet's whole used range, its address only. */
  extent?: HostDataRange;
  /** When the used part was read in bands (readInParts): the bands. */
  parts?: HostDataRange[];
}

export interface SheetReads {
  candidates: Candidate[];
  /** The workbook's sheet names, when an earlier sync listed them (see load.ts). */
  present?: readonly string[];
  /** The used parts' addresses only: their cells follow in bands (readInParts). */
  inParts?: boolean;
}

export const RANGE_DATA = "address,values,valueTypes,numberFormat";

/**
 * How much of a StarScore sheet the pane reads: rows 1–1,000 and columns A–AMJ (1,024, the .xlsx
 * reader's columns). The layout's largest sheets at 200 evaluators are Info's 214 rows and
 * Scoring's 414 columns (test/taskpane/actions/sheets.test.ts keeps that true); the rest is margin
 * for rows and columns people insert. 1,024,000 cells at most per sheet, under Excel's
 * 5,000,000-cell read limit ("Payload size limit best practices", learn.microsoft.com/office/dev/
 * add-ins/excel/performance); a response over Excel on the web's 5 MB is read again in parts
 * (load.ts).
 */
export const READ_AREA = { rows: 1_000, columns: 1_024 } as const;
export const READ_AREA_ADDRESS = `A1:${columnLetter(READ_AREA.columns)}${READ_AREA.rows}`;

/**
 * Queues the reads of every StarScore sheet (SHEET_KEYS, and any other of `grids`: the optional
 * Report sheet, which only the integrity check reads, so that the actions run on every change do
 * not ask for it); the used ranges of `grids` only. Given the workbook's sheet names (`present`,
 * listed by an earlier sync), only the sheets it has are asked for, with getItem: for hosts that
 * will not reach through a null object (see load.ts).
 */
export function queueSheetReads(
  context: HostContext,
  grids: readonly SheetKey[],
  present?: readonly string[],
  inParts = false,
): SheetReads {
  const candidates: Candidate[] = [];
  const has = present && new Set(present.map(fold));
  for (const key of [...SHEET_KEYS, ...grids.filter((key) => !SHEET_KEYS.includes(key))]) {
    for (const lang of ["zh", "en"] as const) {
      const name = SHEET_NAMES[key][lang];
      if (has && !has.has(fold(name))) continue;
      const { worksheets } = context.workbook;
      const worksheet = has ? worksheets.getItem(name) : worksheets.getItemOrNullObject(name);
      worksheet.load("name");
      worksheet.protection.load("protected,options");
      const read = grids.includes(key)
        ? queueBoundedRead(worksheet, inParts ? "address" : RANGE_DATA)
        : undefined;
      candidates.push({ key, lang, name, worksheet, ...read });
    }
  }
  return { candidates, ...(present && { present }), ...(inParts && { inParts }) };
}

/**
 * After the first sync of reads queued `inParts` (its response would have been over Excel on the
 * web's 5 MB: load.ts): each sheet's used part is read in bands of rows, one sync a band, the band
 * halved whenever Excel refuses it ("Split the operation into smaller pieces as needed. Call
 * context.sync() for each sub-operation", learn.microsoft.com/office/dev/add-ins/concepts/
 * resource-limits-and-performance-optimization). Two bands a sheet to begin with: the whole was
 * refused already.
 */
export async function readInParts(
  context: HostContext,
  reads: SheetReads,
  properties: string = RANGE_DATA,
): Promise<void> {
  for (const candidate of reads.candidates) {
    const { used, worksheet } = candidate;
    if (!used || used.isNullObject || worksheet.isNullObject) continue;
    const local = used.address.slice(used.address.lastIndexOf("!") + 1).replace(/\$/g, "");
    const [first, last = first] = local.split(":") as [string, string?];
    const from = parseRef(first);
    const to = parseRef(last);
    const span = `${columnLetter(from.column)}{top}:${columnLetter(to.column)}{bottom}`;
    const parts: HostDataRange[] = [];
    let rows = Math.max(1, Math.ceil((to.row - from.row + 1) / 2));
    for (let top = from.row; top <= to.row;) {
      const bottom = Math.min(to.row, top + rows - 1);
      const band = worksheet
        .getRange(span.replace("{top}", String(top)).replace("{bottom}", String(bottom)))
        .getUsedRangeOrNullObject(true);
      band.load(properties);
      try {
        await context.sync();
      } catch (error) {
        if (errorCode(error) !== PAYLOAD_TOO_LARGE || rows === 1) throw error;
        rows = Math.ceil(rows / 2);
        continue;
      }
      if (!band.isNullObject) parts.push(band);
      top = bottom + 1;
    }
    candidate.parts = parts;
  }
}

/** The error Excel on the web answers a response over its 5 MB with (performance.md, Excel.ErrorCodes). */
export const PAYLOAD_TOO_LARGE = "ResponsePayloadSizeLimitExceeded";

/** The used part of a sheet's READ_AREA, loaded with `properties`, and the whole used range's address. */
export function queueBoundedRead(
  worksheet: HostWorksheet,
  properties: string,
): { used: HostDataRange; extent: HostDataRange } {
  const used = worksheet.getRange(READ_AREA_ADDRESS).getUsedRangeOrNullObject(true);
  used.load(properties);
  const extent = worksheet.getUsedRangeOrNullObject(true);
  extent.load("address");
  return { used, extent };
}

/** The far corner of a used range past READ_AREA, for the readers to report; undefined when within. */
export function beyondReadArea(extent: HostDataRange | undefined): Grid["beyond"] {
  if (!extent || extent.isNullObject) return undefined;
  const last = extent.address
    .slice(extent.address.lastIndexOf("!") + 1)
    .split(":")
    .at(-1)!;
  const { row, column } = parseRef(last.replace(/\$/g, ""));
  if (row <= READ_AREA.rows && column <= READ_AREA.columns) return undefined;
  return { row, column, ...READ_AREA };
}

export interface FoundSheet {
  key: SheetKey;
  /** As the workbook spells it. */
  name: string;
  worksheet: HostWorksheet;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  /** The sheet's cells, when its used range was read (an empty grid for an empty sheet). */
  grid?: Grid;
}

export interface WorkbookSnapshot {
  /** The workbook's language, from its Scoring sheet's name (Chinese when it has none). */
  lang: Lang;
  sheets: Partial<Record<SheetKey, FoundSheet>>;
  /** The grid of a sheet by name (either language, any case), for readWorkbookGrids. */
  grid(name: string): Grid | undefined;
}

/** After the sync: each key's sheet, the Chinese name first where a workbook has both. */
export function takeSnapshot(reads: SheetReads): WorkbookSnapshot {
  const sheets: Partial<Record<SheetKey, FoundSheet>> = {};
  for (const candidate of reads.candidates) {
    if (sheets[candidate.key] || candidate.worksheet.isNullObject) continue;
    const { key, worksheet, used, extent, parts } = candidate;
    const beyond = beyondReadArea(extent);
    const name = worksheet.name;
    sheets[key] = {
      key,
      name,
      worksheet,
      protected: worksheet.protection.protected,
      options: worksheet.protection.options,
      ...(used && {
        grid: parts
          ? bandsGrid(name, parts, beyond)
          : officeGrid(name, used.isNullObject ? undefined : used, beyond),
      }),
    };
  }
  const scoring = sheets.scoring?.name;
  const lang: Lang = scoring !== undefined && fold(scoring) === fold(SHEET_NAMES.scoring.en) ? "en" : "zh";
  const byName = new Map(
    Object.values(sheets)
      .filter((s) => s.grid)
      .map((s) => [fold(s.name), s.grid!]),
  );
  return { lang, sheets, grid: (name) => byName.get(fold(name)) };
}

/** The found sheet a sheet-qualified cell ("'评分'!H7", "评分!H7") is on, and the cell's A1 address. */
export function locateCell(
  snapshot: Pick<WorkbookSnapshot, "sheets">,
  cell: string,
): { sheet: FoundSheet; ref: string } | undefined {
  const parsed = splitCell(cell);
  if (!parsed) return undefined;
  const sheet = Object.values(snapshot.sheets).find((s) => fold(s.name) === fold(parsed.sheet));
  return sheet && { sheet, ref: parsed.ref };
}

/** "'评分'!H7" or "评分!$H$7" → sheet name and "H7"; undefined when it is not one cell. */
export function splitCell(cell: string): { sheet: string; ref: string } | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)$/i.exec(cell.trim());
  if (!match) return undefined;
  return { sheet: match[1]?.replace(/''/g, "'") ?? match[2]!, ref: `${match[3]!.toUpperCase()}${match[4]}` };
}
