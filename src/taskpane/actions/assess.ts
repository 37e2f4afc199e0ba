import type { Assessment } from "../../assessment/schema";
import { scoreAssessment, type Scoring } from "../../core/score";
import { ReadLog, SheetReader } from "../../workbook/read/cells";
import { findColumns } from "../../workbook/read/scoring";
import { readWorkbookGrids, type ReadResult } from "../../workbook/read/workbook";
import { MAX_EVALUATORS } from "../../workbook/scoring-grid";
import { CellPlaces, type Mark, type Place } from "./highlights";
import { engineIssue, problemIssue, readerIssue } from "./pane-issues";
import type { WorkbookSnapshot } from "./sheets";
import type { PaneIssue } from "./types";

/**
 * The workbook read back and scored: the reader's issues (entry cells that are not numbers) and
 * the engine's, each with its cell; or, when the workbook cannot be read, the problems that stop
 * the read (with their cells where there is one).
 */
export type Assessed =
  | {
      ok: true;
      read: Extract<ReadResult, { ok: true }>;
      scoring: Scoring;
      issues: PaneIssue[];
      places: CellPlaces;
    }
  | { ok: false; read: Extract<ReadResult, { ok: false }>; issues: PaneIssue[]; places: CellPlaces };

export function assess(snapshot: WorkbookSnapshot): Assessed {
  // Messages are kept in both languages (Localised); "en" only picks the unused plain-text list.
  const read = readWorkbookGrids(snapshot.grid, "en");
  if (!read.ok) {
    return {
      ok: false,
      read,
      issues: [...read.problems.map(problemIssue), ...read.issues.map(readerIssue)],
      places: new CellPlaces(snapshot),
    };
  }
  const scoring = scoreAssessment(read.assessment);
  return {
    ok: true,
    read,
    scoring,
    issues: [
      ...read.issues.map(readerIssue),
      ...scoring.issues.map((i) => engineIssue(i, read.assessment, read.locator)),
    ],
    places: new CellPlaces(snapshot),
  };
}

/** The cells to highlight for a list of issues: the first mark of a cell wins, errors over warnings. */
export function marksOf(
  places: CellPlaces,
  cells: readonly { cell?: string; severity: "error" | "warning" }[],
): { place: Place; mark: Mark }[] {
  const marks: { place: Place; mark: Mark }[] = [];
  for (const { cell, severity } of cells) {
    const place = cell === undefined ? undefined : places.placeOfCell(cell);
    if (place) marks.push({ place, mark: severity });
  }
  return marks;
}

/**
 * An assessment shaped like the workbook when it cannot be read: as many (blank) evaluator columns
 * as its Scoring header shows, for the layout a highlighted cell's style is taken from.
 */
export function standIn(snapshot: WorkbookSnapshot): Assessment {
  const grid = snapshot.sheets.scoring?.grid;
  const columns = grid && findColumns(new SheetReader(grid, new ReadLog()));
  const count = columns ? Math.min(MAX_EVALUATORS, Math.max(1, columns.score - columns.firstEvaluator)) : 1;
  return {
    format: "starscore.assessment/1",
    organization: "",
    type: "initial",
    step: 5,
    evaluators: Array.from({ length: count }, () => ({ name: "", kind: "auditor" as const })),
    scores: {},
  };
}
