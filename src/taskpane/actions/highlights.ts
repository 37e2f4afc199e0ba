import { parseRef } from "../../workbook/address";
import { markKey, markLine, MARKS, MARKS_CAPACITY, marksRange } from "../../workbook/highlight-marks";
import { columnIndex, columnLetter } from "../../workbook/address";
import type { SheetKey } from "../../workbook/types";
import type { HostDataRange } from "../excel/host";
import { locateCell, type SheetReads, type WorkbookSnapshot } from "./sheets";

/**
 * Highlights: the cells the last Validate or Compute found at fault are coloured by conditional
 * formats the layout puts at the top of each input sheet (src/workbook/highlight-marks.ts), from a
 * list of their keys in the Rules sheet's hidden, unlocked column (MARKS). Highlighting is writing
 * that list as values: no fill is set, no sheet's protection is lifted, so the user's undo stack
 * is kept (protect and unprotect clear it: learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-undo-capabilities) and the write is one entry on it. The list lives in the
 * workbook, not in the pane or Office.context.document.settings, so that it travels with the file,
 * whatever add-in instance or spreadsheet opens it next, and is read in the action's first request.
 *
 * A workbook made before this design (no such list: its Rules sheet's column Z has another label)
 * is not highlighted: the pane lists its issues and says how to get highlights back.
 */
export type Mark = "error" | "warning";

/** The fills the conditional formats give (for tests and the e2e suite's look at the cells). */
export { MARK_FILLS } from "../../workbook/highlight-marks";

/** The store's range with its label: what the first request reads. */
const STORE_READ = `${MARKS.column}${MARKS.labelRow}:${columnLetter(columnIndex(MARKS.column) + MARKS.columns - 1)}${MARKS.firstRow + MARKS.rows - 1}`;

/** Queues the read of the store on the Rules sheet (either language). */
export function queueStoreRead(reads: SheetReads): HostDataRange[] {
  return reads.candidates
    .filter((c) => c.key === MARKS.sheet)
    .map((c) => {
      const used = c.worksheet.getRange(STORE_READ).getUsedRangeOrNullObject(true);
      used.load("address,values");
      return used;
    });
}

/** The remembered highlights, and whether the workbook has the store at all. */
export interface Store {
  present: boolean;
  marks: Map<string, Mark>;
}

export function readStore(ranges: readonly HostDataRange[]): Store {
  const marks = new Map<string, Mark>();
  let present = false;
  for (const range of ranges) {
    if (range.isNullObject) continue;
    const origin = parseRef(range.address.slice(range.address.lastIndexOf("!") + 1).split(":")[0]!).row;
    range.values.forEach((row, i) => {
      if (origin + i === MARKS.labelRow) present ||= row[0] === MARKS.label;
      if (origin + i < MARKS.firstRow) return;
      for (const value of row) {
        const match = typeof value === "string" ? /^([EW]) (\S+)$/.exec(value) : null;
        if (match) marks.set(match[2]!, match[1] === "E" ? "error" : "warning");
      }
    });
  }
  return { present, marks: present ? marks : new Map() };
}

/** The store's cells, one key a cell, "" after: exactly the store's size (a 2D array). */
export function storeValues(marks: ReadonlyMap<string, Mark>): string[][] {
  const lines = [...marks].slice(0, MARKS_CAPACITY).map(([key, mark]) => `'${markLine(mark, key)}`);
  return Array.from({ length: MARKS.rows }, (_, r) =>
    Array.from({ length: MARKS.columns }, (_, c) => lines[r * MARKS.columns + c] ?? ""),
  );
}

export interface Place {
  sheet: SheetKey;
  row: number;
  column: number;
}

/** Cells of this workbook → their keys (see highlight-marks.ts). */
export class CellPlaces {
  constructor(private readonly snapshot: WorkbookSnapshot) {}

  /** The place of a sheet-qualified cell of this workbook ("'评分'!H7"). */
  placeOfCell(cell: string): Place | undefined {
    const found = locateCell(this.snapshot, cell);
    if (!found) return undefined;
    const { row, column } = parseRef(found.ref);
    return { sheet: found.sheet.key, row, column };
  }

  /** As the conditional format computes it: on Scoring, column A's text when it has text. */
  keyOf({ sheet, row, column }: Place): string {
    if (sheet === "scoring") {
      const content = this.snapshot.sheets.scoring?.grid?.at(row, 1);
      if (content?.kind === "text") return markKey(sheet, content.value, column);
    }
    return markKey(sheet, row, column);
  }
}

/** What to write: the store's new content, when it changes. */
export interface HighlightPlan {
  store?: string[][];
  /** More cells to mark than the store holds: the first MARKS_CAPACITY are highlighted. */
  truncated: boolean;
}

/** From the cells to mark now and the remembered marks: the store to write, if it changes. */
export function planHighlights(options: {
  marks: readonly { place: Place; mark: Mark }[];
  previous: Store;
  places: CellPlaces;
}): HighlightPlan {
  const { places, previous } = options;
  if (!previous.present) return { truncated: false };
  const next = new Map<string, Mark>();
  for (const { place, mark } of options.marks) {
    const key = places.keyOf(place);
    if (next.get(key) !== "error") next.set(key, mark);
  }
  const same =
    previous.marks.size === next.size && [...next].every(([key, mark]) => previous.marks.get(key) === mark);
  return { ...(!same && { store: storeValues(next) }), truncated: next.size > MARKS_CAPACITY };
}

/** Queues the store's write on the Rules sheet: values into unlocked cells, nothing else. */
export function queueHighlights(plan: HighlightPlan, snapshot: WorkbookSnapshot): void {
  const rules = snapshot.sheets[MARKS.sheet]?.worksheet;
  if (plan.store && rules) rules.getRange(marksRange()).values = plan.store;
}
