import { cellRef, parseRef } from "../../workbook/address";

/**
 * Cells to blocks: one request per rectangular block rather than one per cell. Used for everything
 * written per cell (formulas that share an R1C1 text, number formats, styles, unlocked inputs).
 */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Located<T> {
  row: number;
  column: number;
  item: T;
}

export function locate<T extends { ref: string }>(item: T): Located<T> {
  const { row, column } = parseRef(item.ref);
  return { row, column, item };
}

/**
 * Covers a set of cells with rectangles, greedily: each row's horizontal runs of adjacent cells,
 * then a run extends the rectangle directly above when it spans the same columns. Every cell lands
 * in exactly one rectangle. Exact for the layout's blocks (a column of rows, a grid of rows ×
 * evaluators); not a minimum cover in general, which nothing here needs.
 */
export function coverRectangles(cells: readonly { row: number; column: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = byRow.get(row);
    if (columns) columns.push(column);
    else byRow.set(row, [column]);
  }
  const done: Rect[] = [];
  /** Rectangles whose bottom is the previous row, by "left:right". */
  let open = new Map<string, Rect>();
  let previousRow = Number.NaN;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const next = new Map<string, Rect>();
    for (const [left, right] of runs(byRow.get(row)!)) {
      const key = `${left}:${right}`;
      const above = row === previousRow + 1 ? open.get(key) : undefined;
      if (above) {
        above.bottom = row;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { top: row, left, bottom: row, right });
      }
    }
    done.push(...open.values());
    open = next;
    previousRow = row;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Sorted, de-duplicated columns → [first, last] runs of adjacent columns. */
function runs(columns: number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const column of sorted) {
    const last = out.at(-1);
    if (last && column === last[1] + 1) last[1] = column;
    else out.push([column, column]);
  }
  return out;
}

/** Groups items by a key, then covers each group: [key, rectangle] pairs in a stable order. */
export function groupRectangles<T>(
  cells: readonly Located<T>[],
  key: (item: T) => string | undefined,
): [string, Rect][] {
  const groups = new Map<string, Located<T>[]>();
  for (const cell of cells) {
    const k = key(cell.item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(cell);
    else groups.set(k, [cell]);
  }
  return [...groups].flatMap(([k, group]) => coverRectangles(group).map((rect): [string, Rect] => [k, rect]));
}

export function rectAddress(rect: Rect): string {
  const first = cellRef(rect.left, rect.top);
  return rect.top === rect.bottom && rect.left === rect.right
    ? first
    : `${first}:${cellRef(rect.right, rect.bottom)}`;
}

export function rectArea(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}
