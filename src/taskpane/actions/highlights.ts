import type { Assessment } from "../../assessment/schema";
import { indicatorById, itemByCode } from "../../spec";
import { cellRef, columnIndex, columnLetter, parseRef } from "../../workbook/address";
import type { WorkbookGeometry } from "../../workbook/read/locator";
import { scoringRows } from "../../workbook/scoring-grid";
import { bonusRowCount, bonusRows, deductionRowCount, SPECIAL_LAYOUT } from "../../workbook/sheets/special";
import { STYLES } from "../../workbook/styles";
import type { CellSpec, SheetKey, WorkbookLayout } from "../../workbook/types";
import type { HostDataRange } from "../excel/host";
import { coverRectangles, rectAddress } from "../excel/rectangles";
import { locateCell, SHEET_KEYS, type SheetReads, type WorkbookSnapshot } from "./sheets";

/**
 * Highlights: the cells the last validate or compute found at fault get a fill, and the cells it
 * highlighted before that are now fine get their layout style's fill back.
 *
 * Which cells StarScore highlighted is remembered in the workbook itself, in a hidden column of
 * the Rules sheet (STORE below), not in the pane and not in Office.context.document.settings:
 * - the record travels with the fills it describes: both are cells of the same file, saved,
 *   copied, shared and co-authored together, whatever add-in instance or Office version opens it
 *   next (settings belong to one add-in id, and spreadsheets that do not know add-ins drop them
 *   while keeping the fills, which would then never be cleared);
 * - it is written in the same request as the fills and read in the same request as the workbook,
 *   so an action stays within its two syncs and the record cannot disagree with the fills;
 * - regenerating the workbook (add an evaluator) drops both together.
 *
 * Cells are remembered by what they are, not where they were, wherever rows can move: an
 * entry by its item code and column ("scoring@B3!H"), so a highlight follows its row when the user
 * sorts the Scoring sheet; a Special table cell by its row in the table ("deductions@2!C"); any
 * other cell by its address ("info!B5").
 */
export type Mark = "error" | "warning";

/** Distinct from the sheet's own conditional formats (invalid entry FFC7CE, unscored item FFEB9C). */
export const HIGHLIGHT_FILLS: Record<Mark, string> = { error: "#FF8080", warning: "#FFC000" };

export const STORE = {
  /** Column Z of the Rules sheet (the layout uses A–M), hidden. */
  column: "Z",
  labelRow: 1,
  firstRow: 2,
  rows: 64,
  /** Characters per cell (Excel's limit is 32,767). */
  chunk: 30_000,
  label:
    "StarScore: highlighted cells, kept by the task pane (do not edit) / 任务窗格标记的单元格（请勿编辑）",
};

export const STORE_RANGE = `${STORE.column}${STORE.labelRow}:${STORE.column}${STORE.firstRow + STORE.rows - 1}`;

/** At most this many cells are highlighted at once; the list still names every issue. */
export const MAX_HIGHLIGHTS = 2_000;

/** Queues the read of the store on the Rules sheet (either language). */
export function queueStoreRead(reads: SheetReads): HostDataRange[] {
  return reads.candidates
    .filter((c) => c.key === "rules")
    .map((c) => {
      const used = c.worksheet.getRange(STORE_RANGE).getUsedRangeOrNullObject(true);
      used.load("address,values");
      return used;
    });
}

/** The remembered highlights: key → mark. Unknown lines are dropped. */
export function readStore(ranges: readonly HostDataRange[]): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const range of ranges) {
    if (range.isNullObject) continue;
    const origin = parseRef(range.address.slice(range.address.lastIndexOf("!") + 1).split(":")[0]!).row;
    range.values.forEach((row, i) => {
      if (origin + i < STORE.firstRow || typeof row[0] !== "string") return;
      for (const line of row[0].split("\n")) {
        const match = /^([EW]) (\S+)$/.exec(line);
        if (match) marks.set(match[2]!, match[1] === "E" ? "error" : "warning");
      }
    });
  }
  return marks;
}

/** The store's cells: the label, then the lines in chunks; undefined when they do not fit. */
export function storeValues(marks: ReadonlyMap<string, Mark>): string[][] | undefined {
  const chunks: string[] = [];
  let current = "";
  for (const [key, mark] of marks) {
    const line = `${mark === "error" ? "E" : "W"} ${key}`;
    if (current && current.length + 1 + line.length > STORE.chunk) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  if (chunks.length > STORE.rows) return undefined;
  const cells = Array.from({ length: STORE.rows }, (_, i) => chunks[i] ?? "");
  // Text is written with an apostrophe, as the writer writes all text: never a formula or a number.
  return [[`'${STORE.label}`], ...cells.map((c) => [c ? `'${c}` : ""])];
}

export interface Place {
  sheet: SheetKey;
  row: number;
  column: number;
}

/** Keys ↔ cells of this workbook, as it is now (see the module's comment). */
export class CellPlaces {
  private readonly codeRows = new Map<string, number>();
  private readonly codeOfRow = new Map<number, string>();

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    private readonly geometry?: WorkbookGeometry,
  ) {
    const grid = snapshot.sheets.scoring?.grid;
    for (let row = 1; grid && row <= grid.lastRow; row++) {
      const content = grid.at(row, 1);
      const code = content.kind === "text" ? content.value.trim() : "";
      if (!(itemByCode(code) || indicatorById(code)) || this.codeRows.has(code)) continue;
      this.codeRows.set(code, row);
      this.codeOfRow.set(row, code);
    }
  }

  /** The place of a sheet-qualified cell of this workbook ("'评分'!H7"). */
  placeOfCell(cell: string): Place | undefined {
    const found = locateCell(this.snapshot, cell);
    if (!found) return undefined;
    const { row, column } = parseRef(found.ref);
    return { sheet: found.sheet.key, row, column };
  }

  keyOf({ sheet, row, column }: Place): string {
    const col = columnLetter(column);
    if (sheet === "scoring" && this.codeOfRow.has(row)) return `scoring@${this.codeOfRow.get(row)}!${col}`;
    const special = this.geometry?.special;
    if (sheet === "special" && special) {
      for (const table of ["deductions", "bonus"] as const) {
        const { firstRow, lastRow } = special[table];
        if (row >= firstRow && row <= lastRow) return `${table}@${row - firstRow}!${col}`;
      }
    }
    return `${sheet}!${cellRef(column, row)}`;
  }

  /** Where a key's cell is now; undefined when this workbook (or what could be read of it) has none. */
  placeOf(key: string): Place | undefined {
    const coded = /^scoring@([^!]+)!([A-Z]{1,3})$/.exec(key);
    if (coded) {
      const row = this.codeRows.get(coded[1]!);
      return row === undefined ? undefined : { sheet: "scoring", row, column: columnIndex(coded[2]!) };
    }
    const table = /^(deductions|bonus)@(\d+)!([A-Z]{1,3})$/.exec(key);
    if (table) {
      const bounds = this.geometry?.special[table[1] as "deductions" | "bonus"];
      const row = bounds && bounds.firstRow + Number(table[2]);
      return bounds && row! <= bounds.lastRow
        ? { sheet: "special", row: row!, column: columnIndex(table[3]!) }
        : undefined;
    }
    const fixed = /^(\w+)!([A-Z]{1,3}\d+)$/.exec(key);
    if (!fixed || !(SHEET_KEYS as readonly string[]).includes(fixed[1]!)) return undefined;
    const { row, column } = parseRef(fixed[2]!);
    return { sheet: fixed[1] as SheetKey, row, column };
  }
}

/**
 * The fill a cell has in the layout (the workbook as generated): "#RRGGBB", or null for none.
 * Rows that move are taken by what they are: an item's row by its code, a table row by its index.
 */
export function layoutFills(layout: WorkbookLayout, assessment: Assessment): (key: string) => string | null {
  const sheets = new Map(layout.sheets.map((s) => [s.key, new Map(s.cells.map((c) => [c.ref, c]))]));
  const codeRow = new Map(scoringRows().map((r) => [r.id, r.row]));
  const dRows = deductionRowCount(assessment.deductions?.length ?? 0);
  const bRows = bonusRowCount(assessment.bonus?.length ?? 0);
  const fillOf = (cell: CellSpec | undefined) => {
    const fill = cell?.style && STYLES[cell.style].fill;
    return fill ? `#${fill}` : null;
  };
  return (key) => {
    const at = (sheet: SheetKey, column: string, row: number | undefined) =>
      row === undefined ? null : fillOf(sheets.get(sheet)?.get(`${column}${row}`));
    const coded = /^scoring@([^!]+)!([A-Z]{1,3})$/.exec(key);
    if (coded) return at("scoring", coded[2]!, codeRow.get(coded[1]!));
    const table = /^(deductions|bonus)@(\d+)!([A-Z]{1,3})$/.exec(key);
    if (table) {
      const n = Number(table[2]);
      const row =
        table[1] === "deductions"
          ? SPECIAL_LAYOUT.firstDeductionRow + Math.min(n, dRows - 1)
          : bonusRows(dRows).firstBonusRow + Math.min(n, bRows - 1);
      return at("special", table[3]!, row);
    }
    const fixed = /^(\w+)!([A-Z]{1,3})(\d+)$/.exec(key);
    return fixed ? at(fixed[1] as SheetKey, fixed[2]!, Number(fixed[3])) : null;
  };
}

/** What to write: per sheet, the cells to fill by colour and the cells to give back ("" = no fill). */
export interface HighlightPlan {
  paint: Map<SheetKey, Map<string, Place[]>>;
  restore: Map<SheetKey, Map<string, Place[]>>;
  /** The store's new content, when it changes. */
  store?: string[][];
  /** Sheets the plan writes to (the Rules sheet when the store changes). */
  sheets: Set<SheetKey>;
}

/**
 * From the cells to mark now and the remembered marks: paint what is new (or changed severity),
 * restore what is no longer marked, remember the new set. A remembered cell that cannot be found
 * now (its sheet or row is gone, or could not be read) stays remembered, to be restored later.
 * Without a Rules sheet to remember them in, nothing is painted (it could never be cleared).
 */
export function planHighlights(options: {
  marks: readonly { place: Place; mark: Mark }[];
  previous: ReadonlyMap<string, Mark>;
  places: CellPlaces;
  restoreFill: () => (key: string) => string | null;
  hasStore: boolean;
}): HighlightPlan {
  const { places, previous } = options;
  const next = new Map<string, Mark>();
  const placeOfKey = new Map<string, Place>();
  if (options.hasStore) {
    for (const { place, mark } of options.marks) {
      const key = places.keyOf(place);
      if (!next.has(key) && next.size >= MAX_HIGHLIGHTS) continue;
      if (next.get(key) !== "error") next.set(key, mark);
      placeOfKey.set(key, place);
    }
  }
  const plan: HighlightPlan = { paint: new Map(), restore: new Map(), sheets: new Set() };
  const add = (target: Map<SheetKey, Map<string, Place[]>>, place: Place, colour: string) => {
    const bySheet = target.get(place.sheet) ?? new Map<string, Place[]>();
    target.set(place.sheet, bySheet);
    bySheet.set(colour, [...(bySheet.get(colour) ?? []), place]);
    plan.sheets.add(place.sheet);
  };
  for (const [key, mark] of next) {
    if (previous.get(key) !== mark) add(plan.paint, placeOfKey.get(key)!, HIGHLIGHT_FILLS[mark]);
  }
  let fills: ((key: string) => string | null) | undefined;
  for (const [key, mark] of previous) {
    if (next.has(key)) continue;
    const place = places.placeOf(key);
    if (!place) {
      next.set(key, mark);
      continue;
    }
    fills ??= options.restoreFill();
    add(plan.restore, place, fills(key) ?? "");
  }
  if (options.hasStore && !sameMarks(previous, next)) {
    const values = storeValues(next);
    if (values) {
      plan.store = values;
      plan.sheets.add("rules");
    } else {
      // Cells that could not be remembered could never be cleared: paint none.
      plan.paint.clear();
      plan.sheets = new Set(plan.restore.keys());
    }
  }
  return plan;
}

function sameMarks(a: ReadonlyMap<string, Mark>, b: ReadonlyMap<string, Mark>): boolean {
  return a.size === b.size && [...a].every(([key, mark]) => b.get(key) === mark);
}

export function isEmptyPlan(plan: HighlightPlan): boolean {
  return plan.sheets.size === 0;
}

/** Queues the plan on the snapshot's sheets: blocks of cells sharing a colour go as one range. */
export function queueHighlights(plan: HighlightPlan, snapshot: WorkbookSnapshot): void {
  for (const [target, restore] of [
    [plan.restore, true],
    [plan.paint, false],
  ] as const) {
    for (const [key, byColour] of target) {
      const worksheet = snapshot.sheets[key]?.worksheet;
      if (!worksheet) continue;
      for (const [colour, cells] of byColour) {
        for (const rect of coverRectangles(cells)) {
          const fill = worksheet.getRange(rectAddress(rect)).format.fill;
          if (restore && colour === "") fill.clear();
          else fill.color = colour;
        }
      }
    }
  }
  const rules = snapshot.sheets.rules?.worksheet;
  if (plan.store && rules) {
    rules.getRange(STORE_RANGE).values = plan.store;
    rules.getRange(`${STORE.column}:${STORE.column}`).columnHidden = true;
  }
}
