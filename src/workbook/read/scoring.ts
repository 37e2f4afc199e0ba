import type { Assessment, Evaluator } from "../../assessment/schema";
import { indicatorById, itemByCode } from "../../spec";
import type { Step } from "../../spec/rules";
import { cellRef, columnLetter } from "../address";
import { TEXT, type TextKey } from "../labels";
import { scoringRows } from "../scoring-grid";
import type { SheetReader } from "./cells";
import { idOfLabel, isLabel, KIND_OPTIONS } from "./lookup";
import { entryIssue } from "./issues";
import { MESSAGES } from "./messages";

/**
 * 评分 Scoring: the evaluator columns, every item's entries and notes, and the exclusions of items
 * and indicators. Columns are found by their header labels and rows by the code in column A, so a
 * workbook whose rows were sorted, or whose layout moved a column, still reads.
 */
export type ScoringFields = Pick<Assessment, "evaluators" | "scores" | "notes" | "exclusions">;

/** The columns found on the Scoring sheet by their header labels. */
export interface ScoringColumnsFound {
  header: number;
  applicable: number;
  reason: number;
  firstEvaluator: number;
  score: number;
  notes: number;
}

const HEADER_SEARCH_ROWS = 30;

/** The header row and the columns, found by their labels (either language). */
export function findColumns(sheet: SheetReader): ScoringColumnsFound | undefined {
  let header = 0;
  for (let row = 1; row <= Math.min(sheet.lastRow, HEADER_SEARCH_ROWS) && !header; row++) {
    // "Code" above "Clause": the organisation's name in the subtitle (A2) may be the word "代码" too.
    if (isLabel(sheet.label(row, 1), "code") && isLabel(sheet.label(row, 2), "clause")) header = row;
  }
  if (!header) return sheet.fail(MESSAGES.noHeader(sheet.name, TEXT.code));
  const labels = Array.from({ length: sheet.lastColumn + 1 }, (_, c) => (c ? sheet.label(header, c) : ""));
  const first = (key: TextKey, from = 1) => {
    const index = labels.findIndex((label, c) => c >= from && isLabel(label, key));
    return index > 0 ? index : undefined;
  };
  const reason = first("exclusionReason");
  // The rightmost "score, entries" pair: an evaluator named "得分" cannot be mistaken for it.
  let score = 0;
  for (let c = labels.length - 1; c > (reason ?? 0) && !score; c--) {
    if (isLabel(labels[c]!, "itemScore") && isLabel(labels[c + 1] ?? "", "entryCount")) score = c;
  }
  const applicable = first("applicable");
  const notes = score > 0 ? first("notes", score) : undefined;
  const missing = (
    [
      ["exclusionReason", reason],
      ["itemScore", score > 0 ? score : undefined],
      ["applicable", applicable],
      ["notes", notes],
    ] as const
  ).filter(([, column]) => column === undefined);
  for (const [key] of missing) sheet.fail(MESSAGES.missingColumn(sheet.name, TEXT[key]));
  if (missing.length || !reason || !applicable || !notes) return undefined;
  const found = { header, applicable, reason, firstEvaluator: reason + 1, score, notes };
  return checkColumns(sheet, labels, found) ? found : undefined;
}

/** Headers of the columns that are not evaluators: one of them typed over an evaluator's name is a copy. */
const STRUCTURAL_HEADERS = [
  "code",
  "clause",
  "content",
  "points",
  "criterion",
  "applicable",
  "exclusionReason",
  "itemScore",
  "entryCount",
  "meanPercent",
  "notes",
] as const satisfies readonly TextKey[];

/**
 * Columns that were copied or moved: a header the reader relies on found twice (a copied
 * "Applicable" column, say) is reported with both columns, since which one holds the inputs is a
 * guess; an evaluator column (a kind above its name) moved outside the evaluator columns is
 * reported too, since it would not be read. Evaluator columns moved or deleted among themselves
 * read as they are: each is found by its header.
 */
function checkColumns(sheet: SheetReader, labels: readonly string[], c: ScoringColumnsFound): boolean {
  const isEvaluator = (column: number) =>
    idOfLabel(sheet.label(c.header - 1, column), KIND_OPTIONS) !== undefined;
  const inSpan = (column: number) => column >= c.firstEvaluator && column < c.score;
  const problems = sheet.log.problems.length;
  const expected: Partial<Record<(typeof STRUCTURAL_HEADERS)[number], number>> = {
    applicable: c.applicable,
    exclusionReason: c.reason,
    itemScore: c.score,
    entryCount: c.score + 1,
    notes: c.notes,
  };
  for (const key of STRUCTURAL_HEADERS) {
    const columns = labels
      .map((label, column) => (column > 0 && isLabel(label, key) ? column : 0))
      .filter((column) => column > 0 && !(inSpan(column) && isEvaluator(column)))
      // Left of the evaluators only the catalogue's own columns count; "Notes" only right of the score.
      .filter((column) => key !== "notes" || column > c.score);
    const own = expected[key];
    if (columns.length > 1 && (own === undefined || columns.includes(own))) {
      sheet.fail(
        MESSAGES.duplicateColumn(sheet.name, TEXT[key], columns.map(columnLetter)),
        c.header,
        columns[1]!,
      );
    }
  }
  for (let column = 1; column < labels.length; column++) {
    if (inSpan(column) || !isEvaluator(column)) continue;
    const name = sheet.label(c.header, column);
    sheet.fail(
      MESSAGES.strayEvaluator(
        sheet.cellName(c.header - 1, column),
        name,
        columnLetter(c.firstEvaluator),
        columnLetter(Math.max(c.firstEvaluator, c.score - 1)),
      ),
      c.header - 1,
      column,
    );
  }
  return sheet.log.problems.length === problems;
}

export function readEvaluators(sheet: SheetReader, c: ScoringColumnsFound): Evaluator[] {
  const evaluators: Evaluator[] = [];
  for (let column = c.firstEvaluator; column < c.score; column++) {
    const name = sheet.text(c.header, column) ?? "";
    const kindText = sheet.label(c.header - 1, column);
    const kind = idOfLabel(kindText, KIND_OPTIONS);
    if (!kind)
      sheet.fail(MESSAGES.badKind(sheet.cellName(c.header - 1, column), kindText), c.header - 1, column);
    evaluators.push({ name, kind: kind ?? "auditor" });
  }
  return evaluators;
}

/** Row of each item code and indicator id in column A; a code on two rows is reported. */
export function findRows(sheet: SheetReader, c: ScoringColumnsFound): Map<string, number> {
  const found = new Map<string, number[]>();
  for (let row = c.header + 1; row <= sheet.lastRow; row++) {
    const code = sheet.label(row, 1);
    if (itemByCode(code) || indicatorById(code)) found.set(code, [...(found.get(code) ?? []), row]);
  }
  for (const [code, rows] of found) {
    if (rows.length > 1) sheet.fail(MESSAGES.duplicateRow(sheet.name, code, rows), rows[1], 1);
  }
  return new Map([...found].map(([code, rows]) => [code, rows[0]!]));
}

/**
 * One entry: a number (the engine judges its range and step), or blank. Anything else in the cell
 * (text, an error, a logical value, a date) is reported with what to type instead, and read as blank.
 */
function readEntry(
  sheet: SheetReader,
  row: number,
  column: number,
  place: { item: string; evaluator: number; evaluatorInfo: Evaluator; step: Step },
): number | null {
  const content = sheet.at(row, column);
  if (content.kind === "number") return content.value;
  if (content.kind === "blank") return null;
  sheet.log.report(entryIssue(content, { sheet: sheet.name, ref: cellRef(column, row), ...place }));
  return null;
}

/** Where the Scoring sheet's inputs were found: for naming cells and going to them. */
export interface ScoringGeometry {
  columns: ScoringColumnsFound;
  /** Row of each item code and indicator id. */
  rows: ReadonlyMap<string, number>;
}

export function readScoring(
  sheet: SheetReader,
  step: Step,
): (ScoringFields & { geometry: ScoringGeometry }) | undefined {
  const c = findColumns(sheet);
  if (!c) return undefined;
  const evaluators = readEvaluators(sheet, c);
  const rows = findRows(sheet, c);
  const scores: Record<string, (number | null)[]> = {};
  const notes: Record<string, string> = {};
  const exclusions: Record<string, string> = {};
  // Catalogue order, whatever the order of the rows on the sheet.
  for (const { kind, id } of scoringRows()) {
    const row = rows.get(id);
    if (kind === "primary" || row === undefined) continue;
    if (kind === "item") {
      scores[id] = evaluators.map((evaluatorInfo, k) =>
        readEntry(sheet, row, c.firstEvaluator + k, { item: id, evaluator: k, evaluatorInfo, step }),
      );
      const note = sheet.text(row, c.notes);
      if (note !== undefined) notes[id] = note;
    }
    // The flag decides (either language); the reason goes with it, even when blank.
    if (isLabel(sheet.label(row, c.applicable), "notApplicable")) {
      exclusions[id] = sheet.text(row, c.reason) ?? "";
    }
  }
  return {
    evaluators,
    scores,
    ...(Object.keys(notes).length > 0 && { notes }),
    ...(Object.keys(exclusions).length > 0 && { exclusions }),
    geometry: { columns: c, rows },
  };
}
