import type { Assessment } from "../../assessment/schema";
import type { Lang } from "../../spec/types";
import { cellRef, parseRef } from "../address";
import { buildWorkbookLayout } from "../layout";
import type { WorkbookGeometry } from "../read/locator";
import {
  FIRST_BODY_ROW,
  HEADER_ROW,
  KIND_ROW,
  LAST_BODY_ROW,
  scoringColumns,
  scoringRows,
} from "../scoring-grid";
import { INFO_ROWS } from "../sheets/info";
import type { LockedSheet } from "./snapshot";

/**
 * The input cells of a workbook as it is now: every cell the layout leaves unlocked for the user
 * (Info's fields, the Scoring sheet's names, kinds, entries, flags, reasons and notes, the Special
 * tables), found where the readers found them (an item's row by its code, wherever sorting put it;
 * a table by its header). Finalise locks these and keeps them in the snapshot, so reopen unlocks
 * exactly these again.
 */
export interface Place {
  row: number;
  column: number;
}

export function inputCells(read: {
  assessment: Assessment;
  lang: Lang;
  geometry: WorkbookGeometry;
}): Record<LockedSheet, Place[]> {
  const { geometry } = read;
  const layout = buildWorkbookLayout({ lang: read.lang, assessment: read.assessment });
  const inputsOf = (key: LockedSheet) =>
    (layout.sheets.find((s) => s.key === key)?.cells ?? [])
      .filter((c) => c.input)
      .map((c) => parseRef(c.ref));

  const infoField = new Map<number, keyof WorkbookGeometry["info"]>(
    Object.entries(INFO_ROWS)
      .filter(([field]) => field in geometry.info)
      .map(([field, row]) => [row, field as keyof WorkbookGeometry["info"]]),
  );
  const info = inputsOf("info").flatMap(({ row, column }) => {
    const field = infoField.get(row);
    return field ? [{ row: geometry.info[field], column }] : [];
  });

  const layoutColumns = scoringColumns(read.assessment.evaluators.length);
  const found = geometry.scoring.columns;
  const column = new Map<number, number>([
    [layoutColumns.applicable, found.applicable],
    [layoutColumns.reason, found.reason],
    [layoutColumns.notes, found.notes],
    ...read.assessment.evaluators.map((_, k): [number, number] => [
      layoutColumns.evaluator(k),
      found.firstEvaluator + k,
    ]),
  ]);
  const codeOfRow = new Map(scoringRows().map((r) => [r.row, r.id]));
  const rowOf = (row: number): number | undefined => {
    if (row === KIND_ROW) return found.header - 1;
    if (row === HEADER_ROW) return found.header;
    if (row >= FIRST_BODY_ROW && row <= LAST_BODY_ROW) return geometry.scoring.rows.get(codeOfRow.get(row)!);
    return undefined;
  };
  const scoring = inputsOf("scoring").flatMap((place) => {
    const row = rowOf(place.row);
    const col = column.get(place.column);
    return row === undefined || col === undefined ? [] : [{ row, column: col }];
  });

  const { deductions, bonus, followUp } = geometry.special;
  const special: Place[] = [];
  for (const table of [deductions, bonus, ...(followUp ? [followUp] : [])]) {
    const columns: number[] = Object.values(table.columns);
    for (let row = table.firstRow; row <= table.lastRow; row++) {
      for (const col of columns) special.push({ row, column: col });
    }
  }
  return { info, scoring, special };
}

/**
 * Cells as A1 ranges: each row's runs of adjacent cells, then a run stacked on the same run of the
 * row above joins it. Sorted, so the same cells always give the same ranges.
 */
export function rangesOf(places: readonly Place[]): string[] {
  const byRow = new Map<number, Set<number>>();
  for (const { row, column } of places) byRow.set(row, (byRow.get(row) ?? new Set()).add(column));
  interface Rect {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const columns = [...byRow.get(row)!].sort((a, b) => a - b);
    const next = new Map<string, Rect>();
    for (let i = 0; i < columns.length;) {
      let j = i;
      while (j + 1 < columns.length && columns[j + 1] === columns[j]! + 1) j++;
      const key = `${columns[i]}:${columns[j]}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        next.set(key, above);
        open.delete(key);
      } else {
        next.set(key, { top: row, bottom: row, left: columns[i]!, right: columns[j]! });
      }
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((r) =>
      r.top === r.bottom && r.left === r.right
        ? cellRef(r.left, r.top)
        : `${cellRef(r.left, r.top)}:${cellRef(r.right, r.bottom)}`,
    );
}
