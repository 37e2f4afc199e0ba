import { cellRef, parseRef } from "../address";
import { contentText, type CellContent } from "../read/grid";
import { HEADER_ROW } from "../scoring-grid";
import { INFO_ROWS } from "../sheets/info";
import { SPECIAL_LAYOUT } from "../sheets/special";
import { SUMMARY_HEADER_ROW } from "../sheets/summary";
import type { CellSpec, CellValue, SheetKey, SheetSpec, WorkbookLayout } from "../types";

/**
 * What the integrity checks share: comparing what a cell shows with the value the layout expects
 * (the engine's figure, as the formula's cached value), showing both as text, and naming a cell by
 * what it is ("B3 得分", "Result_FinalScore") rather than by its address alone.
 */

/** Numbers agree within this: the sheet computes in doubles, the engine exactly. */
export const TOLERANCE = 1e-6;

/** Whether a cell showing `shown` shows the value `expected` (numbers within TOLERANCE). */
export function agrees(shown: CellContent, expected: CellValue): boolean {
  if (expected === null || expected === "") return shown.kind === "blank";
  switch (typeof expected) {
    case "number":
      return shown.kind === "number" && Math.abs(shown.value - expected) <= TOLERANCE;
    case "boolean":
      return shown.kind === "boolean" && shown.value === expected;
    case "string":
      return shown.kind === "text" && shown.value === expected;
  }
}

/** A layout value as text, as showContent shows the cell that holds it. */
export function showValue(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(Number(value.toFixed(10)));
  return value;
}

/** What a cell shows, as text: numbers to 10 decimals, so that a double's last bits do not show. */
export function showContent(content: CellContent): string {
  return content.kind === "number" ? String(Number(content.value.toFixed(10))) : contentText(content);
}

/** "summary!C30" → "Result_FinalScore": the public and internal names of single cells. */
export function definedNameCells(layout: WorkbookLayout): Map<string, string> {
  const byName = new Map(layout.sheets.map((s) => [s.name, s.key]));
  const names = new Map<string, string>();
  for (const { name, ref } of layout.names) {
    const match = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(ref);
    const key = match && byName.get(match[1]!.replace(/''/g, "'"));
    if (key) names.set(`${key}!${match![2]}${match![3]}`, name);
  }
  return names;
}

/** Each row's label: the first text among its first three cells (a code, a name, a field's label). */
export function rowLabels(spec: SheetSpec): Map<number, string> {
  const best = new Map<number, { column: number; text: string }>();
  for (const cell of spec.cells) {
    const { row, column } = parseRef(cell.ref);
    if (column > 3 || typeof cell.value !== "string" || !cell.value.trim()) continue;
    const found = best.get(row);
    if (!found || column < found.column) best.set(row, { column, text: cell.value.trim() });
  }
  return new Map([...best].map(([row, { text }]) => [row, text]));
}

const HEADER_ROWS: Partial<Record<SheetKey, number>> = {
  info: INFO_ROWS.teamHeader,
  scoring: HEADER_ROW,
  summary: SUMMARY_HEADER_ROW,
  special: SPECIAL_LAYOUT.deductionHeaderRow,
};

/** "B3 得分", "5.2.1 Score", "张三 个人总分": the row's label and the column's header. */
export function describeCell(
  spec: SheetSpec,
  labels: Map<number, string>,
  cell: CellSpec,
  row: number,
  column: number,
): string {
  const headerRow = HEADER_ROWS[spec.key];
  const header =
    headerRow === undefined || row <= headerRow
      ? undefined
      : spec.cells.find((c) => c.ref === cellRef(column, headerRow))?.value;
  const rowLabel = labels.get(row);
  const parts = [rowLabel, typeof header === "string" ? header : undefined].filter(Boolean);
  return parts.length ? parts.join(" ") : `${spec.name}!${cell.ref}`;
}
