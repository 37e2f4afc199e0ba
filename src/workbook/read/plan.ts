import type { Assessment } from "../../assessment/schema";
import { ITEMS, itemByCode } from "../../spec";
import { TEXT } from "../labels";
import type { SheetReader } from "./cells";
import { isLabel } from "./lookup";
import { describeFound, MESSAGES } from "./messages";

/**
 * 计划 Plan (optional): the what-if targets, item code → target %, found by the code in column A
 * below the header row ("Code" in A, "Target %" in its column). A target is a number; the engine
 * judges its range (src/core/plan-targets.ts). Any other content is a problem, as a bonus's points
 * are: the target would be lost. A workbook with a Plan sheet reads back planTargets, {} when every
 * target is blank, so that the sheet is kept when the workbook is rebuilt.
 */
export type PlanFields = Required<Pick<Assessment, "planTargets">>;

/** Where the Plan sheet's targets were found. */
export interface PlanGeometry {
  sheet: string;
  /** The target column. */
  column: number;
  /** Row of each item code. */
  rows: ReadonlyMap<string, number>;
}

const HEADER_SEARCH_ROWS = 30;

export function readPlan(sheet: SheetReader): (PlanFields & { geometry: PlanGeometry }) | undefined {
  let header = 0;
  let column = 0;
  for (let row = 1; row <= Math.min(sheet.lastRow, HEADER_SEARCH_ROWS) && !header; row++) {
    if (!isLabel(sheet.label(row, 1), "code")) continue;
    for (let c = 2; c <= sheet.lastColumn && !column; c++)
      if (isLabel(sheet.label(row, c), "targetPercent")) column = c;
    if (column) header = row;
  }
  if (!header) return sheet.fail(MESSAGES.noHeader(sheet.name, TEXT.code));

  const found = new Map<string, number[]>();
  for (let row = header + 1; row <= sheet.lastRow; row++) {
    const code = sheet.label(row, 1);
    if (itemByCode(code)) found.set(code, [...(found.get(code) ?? []), row]);
  }
  const failures = sheet.log.problems.length;
  for (const [code, rows] of found) {
    if (rows.length > 1) sheet.fail(MESSAGES.duplicateRow(sheet.name, code, rows), rows[1], 1);
  }
  const rows = new Map([...found].map(([code, at]) => [code, at[0]!]));
  const planTargets: Record<string, number> = {};
  for (const { code } of ITEMS) {
    const row = rows.get(code);
    if (row === undefined) continue;
    const content = sheet.at(row, column);
    if (content.kind === "number") planTargets[code] = content.value;
    else if (content.kind === "uncomputed")
      sheet.fail(MESSAGES.uncomputed(sheet.cellName(row, column)), row, column);
    else if (content.kind !== "blank") {
      sheet.fail(MESSAGES.badTarget(sheet.cellName(row, column), describeFound(content)), row, column);
    }
  }
  if (sheet.log.problems.length > failures) return undefined;
  return { planTargets, geometry: { sheet: sheet.name, column, rows } };
}
