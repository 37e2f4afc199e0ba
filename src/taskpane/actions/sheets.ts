import type { Lang } from "../../spec/types";
import type { Grid } from "../../workbook/read/grid";
import { SHEET_NAMES } from "../../workbook/labels";
import type { SheetKey } from "../../workbook/types";
import type { HostContext, HostDataRange, HostWorksheet } from "../excel/host";
import { officeGrid } from "../excel/office-grid";
import { foldName as fold } from "../../workbook/sheet-names";

/**
 * The first request of an action: StarScore's sheets, found by name in either language, with
 * their used ranges and protection, all in one sync. Each sheet is asked for under its Chinese and
 * its English name with getItemOrNullObject: the name that does not exist gives a null object
 * (and so do its used range and protection), so the workbook's language is known from what came
 * back without a request to list the sheets first.
 *
 * Used ranges are loaded values-only, with what the readers need (values, valueTypes,
 * numberFormat) and their address (a used range starts at its first used cell, not at A1).
 */
export const SHEET_KEYS: readonly SheetKey[] = ["info", "scoring", "special", "summary", "rules", "audit"];

/** The sheets whose cells the readers need: the inputs. Summary and Rules only when asked. */
export const INPUT_SHEETS: readonly SheetKey[] = ["info", "scoring", "special"];

interface Candidate {
  key: SheetKey;
  lang: Lang;
  name: string;
  worksheet: HostWorksheet;
  used?: HostDataRange;
}

export interface SheetReads {
  candidates: Candidate[];
  /** The workbook's sheet names, when an earlier sync listed them (see load.ts). */
  present?: readonly string[];
}

export const RANGE_DATA = "address,values,valueTypes,numberFormat";

/**
 * Queues the reads of every StarScore sheet; the used ranges of `grids` only. Given the workbook's
 * sheet names (`present`, listed by an earlier sync), only the sheets it has are asked for, with
 * getItem: for hosts that will not reach through a null object (see load.ts).
 */
export function queueSheetReads(
  context: HostContext,
  grids: readonly SheetKey[],
  present?: readonly string[],
): SheetReads {
  const candidates: Candidate[] = [];
  const has = present && new Set(present.map(fold));
  for (const key of SHEET_KEYS) {
    for (const lang of ["zh", "en"] as const) {
      const name = SHEET_NAMES[key][lang];
      if (has && !has.has(fold(name))) continue;
      const { worksheets } = context.workbook;
      const worksheet = has ? worksheets.getItem(name) : worksheets.getItemOrNullObject(name);
      worksheet.load("name");
      worksheet.protection.load("protected,options");
      const used = grids.includes(key) ? worksheet.getUsedRangeOrNullObject(true) : undefined;
      used?.load(RANGE_DATA);
      candidates.push({ key, lang, name, worksheet, ...(used && { used }) });
    }
  }
  return { candidates, ...(present && { present }) };
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
    const { key, worksheet, used } = candidate;
    const name = worksheet.name;
    sheets[key] = {
      key,
      name,
      worksheet,
      protected: worksheet.protection.protected,
      options: worksheet.protection.options,
      ...(used && { grid: officeGrid(name, used.isNullObject ? undefined : used) }),
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
