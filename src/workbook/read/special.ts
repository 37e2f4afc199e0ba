import type { Assessment, Bonus, Deduction, FollowUp } from "../../assessment/schema";
import type { Localised } from "../../spec/types";
import { DEDUCTION_CATEGORIES } from "../../spec";
import { TEXT, type TextKey } from "../labels";
import type { SheetReader } from "./cells";
import { idOfLabel, isLabel, OUTCOME_OPTIONS, STATUS_OPTIONS } from "./lookup";
import { describeFound, MESSAGES } from "./messages";

/**
 * 特别项 Special: the deductions (a row counts when its category or description is filled in, as
 * the sheet's own count does) and the bonus entries (a row counts when it has points or a reason).
 * and the last audit's rectifications to verify (the third table, after the bonus: a row counts when
 * its category or description is filled in). Each table is found by its header row and ends at its
 * total row; a workbook made before the third table has none.
 */
export type SpecialFields = Pick<Assessment, "deductions" | "bonus" | "followUp">;

export const DEDUCTION_HEADERS = [
  "category",
  "description",
  "relatedItem",
  "evidence",
  "rectification",
  "deadline",
  "status",
] as const satisfies readonly TextKey[];
export const BONUS_HEADERS = ["bonusPoints", "bonusReason"] as const satisfies readonly TextKey[];
export const FOLLOW_UP_HEADERS = [
  "category",
  "description",
  "relatedItem",
  "rectification",
  "deadline",
  "outcome",
  "followUpNote",
] as const satisfies readonly TextKey[];

export interface Table<K extends TextKey> {
  firstRow: number;
  /** Last row of the table's body (the row before its total). */
  lastRow: number;
  columns: Record<K, number>;
}

/**
 * The table whose header row has "No." in column A and `headers` beside it; it ends before `endLabel`.
 * No such header row is a problem, unless the table is `optional`.
 */
function findTable<K extends TextKey>(
  sheet: SheetReader,
  from: number,
  headers: readonly K[],
  endLabel: TextKey,
  endColumn: number,
  optional = false,
): Table<K> | undefined {
  for (let row = from; row <= sheet.lastRow; row++) {
    if (!isLabel(sheet.label(row, 1), "number") || !isLabel(sheet.label(row, 2), headers[0]!)) continue;
    const columns = {} as Record<K, number>;
    for (const key of headers) {
      for (let c = 2; c <= sheet.lastColumn && !columns[key]; c++) {
        if (isLabel(sheet.label(row, c), key)) columns[key] = c;
      }
      if (!columns[key]) return sheet.fail(MESSAGES.missingColumn(sheet.name, TEXT[key]));
    }
    let last = row;
    while (last < sheet.lastRow && !isLabel(sheet.label(last + 1, endColumn), endLabel)) last++;
    return { firstRow: row + 1, lastRow: last, columns };
  }
  return optional ? undefined : sheet.fail(MESSAGES.noHeader(sheet.name, TEXT.number));
}

/**
 * What makes a row of the deductions or follow-up table count: its category or description filled
 * in. Undefined for a blank row, and (reported) for a row whose category is not one of the list's.
 */
function readFinding(
  sheet: SheetReader,
  row: number,
  c: { category: number; description: number },
): Pick<Deduction, "category" | "description"> | undefined {
  const categoryText = sheet.text(row, c.category);
  const description = sheet.text(row, c.description);
  if (categoryText === undefined && description === undefined) return undefined;
  const category = idOfLabel(categoryText ?? "", DEDUCTION_CATEGORIES);
  if (!category) {
    return sheet.fail(
      MESSAGES.badCategory(sheet.cellName(row, c.category), categoryText ?? ""),
      row,
      c.category,
    );
  }
  return { category, description: description ?? "" };
}

/** A cell chosen from a list (a status, an outcome): its id; undefined when blank; null (reported) when not on the list. */
function readChoice<Id extends string>(
  sheet: SheetReader,
  row: number,
  column: number,
  options: readonly { id: Id; label: Localised }[],
  message: (cell: string, text: string) => Localised,
): Id | undefined | null {
  const text = sheet.text(row, column);
  if (text === undefined) return undefined;
  const id = idOfLabel(text, options);
  if (id) return id;
  sheet.fail(message(sheet.cellName(row, column), text), row, column);
  return null;
}

/** `entry` with the optional fields that are there. */
function withOptional<T extends object>(entry: T, optional: Record<string, string | undefined>): T {
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(entry, { [key]: value });
  }
  return entry;
}

function readDeduction(
  sheet: SheetReader,
  row: number,
  c: Record<(typeof DEDUCTION_HEADERS)[number], number>,
): Deduction | undefined {
  const finding = readFinding(sheet, row, c);
  if (!finding) return undefined;
  const status = readChoice(sheet, row, c.status, STATUS_OPTIONS, MESSAGES.badStatus);
  if (status === null) return undefined;
  return withOptional<Deduction>(finding, {
    item: sheet.text(row, c.relatedItem),
    rectification: sheet.text(row, c.rectification),
    evidence: sheet.text(row, c.evidence),
    deadline: sheet.text(row, c.deadline),
    status,
  });
}

function readFollowUp(
  sheet: SheetReader,
  row: number,
  c: Record<(typeof FOLLOW_UP_HEADERS)[number], number>,
): FollowUp | undefined {
  const finding = readFinding(sheet, row, c);
  if (!finding) return undefined;
  const outcome = readChoice(sheet, row, c.outcome, OUTCOME_OPTIONS, MESSAGES.badOutcome);
  if (outcome === null) return undefined;
  return withOptional<FollowUp>(finding, {
    item: sheet.text(row, c.relatedItem),
    rectification: sheet.text(row, c.rectification),
    deadline: sheet.text(row, c.deadline),
    outcome,
    note: sheet.text(row, c.followUpNote),
  });
}

function readBonus(sheet: SheetReader, row: number, c: Record<(typeof BONUS_HEADERS)[number], number>) {
  const points = sheet.at(row, c.bonusPoints);
  const reason = sheet.text(row, c.bonusReason);
  if (points.kind === "blank" && reason === undefined) return undefined;
  if (points.kind === "number") return { points: points.value, reason: reason ?? "" } satisfies Bonus;
  const cell = sheet.cellName(row, c.bonusPoints);
  if (points.kind === "uncomputed") return sheet.fail(MESSAGES.uncomputed(cell), row, c.bonusPoints);
  const found = points.kind === "blank" ? { zh: "空白", en: "a blank" } : describeFound(points);
  return sheet.fail(MESSAGES.badPoints(cell, found), row, c.bonusPoints);
}

/** Where the Special sheet's tables were found, and the row of each deduction and bonus read. */
export interface SpecialGeometry {
  deductions: Table<(typeof DEDUCTION_HEADERS)[number]>;
  bonus: Table<(typeof BONUS_HEADERS)[number]>;
  /** Row of deductions[i] (blank rows are skipped, so the i-th deduction need not be on the i-th row). */
  deductionRows: number[];
  bonusRows: number[];
  /** The third table; absent in a workbook made before it. */
  followUp?: Table<(typeof FOLLOW_UP_HEADERS)[number]>;
  followUpRows: number[];
}

export function readSpecial(sheet: SheetReader): (SpecialFields & { geometry: SpecialGeometry }) | undefined {
  const dTable = findTable(sheet, 1, DEDUCTION_HEADERS, "deductionCount", 2);
  if (!dTable) return undefined;
  const bTable = findTable(sheet, dTable.lastRow + 1, BONUS_HEADERS, "bonusClaimed", 1);
  if (!bTable) return undefined;
  const { read: deductions, rows: deductionRows } = readRows(dTable, (row) =>
    readDeduction(sheet, row, dTable.columns),
  );
  const { read: bonus, rows: bonusRows } = readRows(bTable, (row) => readBonus(sheet, row, bTable.columns));
  const fTable = findTable(sheet, bTable.lastRow + 2, FOLLOW_UP_HEADERS, "followUpVerified", 2, true);
  const { read: followUp, rows: followUpRows } = fTable
    ? readRows(fTable, (row) => readFollowUp(sheet, row, fTable.columns))
    : { read: [], rows: [] };
  return {
    ...(deductions.length > 0 && { deductions }),
    ...(bonus.length > 0 && { bonus }),
    ...(followUp.length > 0 && { followUp }),
    geometry: {
      deductions: dTable,
      bonus: bTable,
      deductionRows,
      bonusRows,
      ...(fTable && { followUp: fTable }),
      followUpRows,
    },
  };
}

/** Each row of a table read, blank rows (read as undefined) skipped, with the row each came from. */
function readRows<T>(
  table: { firstRow: number; lastRow: number },
  read: (row: number) => T | undefined,
): { read: T[]; rows: number[] } {
  const out: { read: T[]; rows: number[] } = { read: [], rows: [] };
  for (let row = table.firstRow; row <= table.lastRow; row++) {
    const value = read(row);
    if (value === undefined) continue;
    out.read.push(value);
    out.rows.push(row);
  }
  return out;
}
