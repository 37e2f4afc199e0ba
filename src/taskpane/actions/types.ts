import type { EvaluatorKind } from "../../assessment/schema";
import type { ResultJson } from "../../core/report";
import type { Severity } from "../../core/issues";
import type { AssessmentType, Step } from "../../spec/rules";
import type { Lang, Localized } from "../../spec/types";

/**
 * What the task pane asks of Excel: one method per user action, each one Excel.run (validate and
 * compute: one read and one write sync whatever the number of evaluators). The React views depend
 * on this interface only, so component tests give them a plain object, the add-in gives them the
 * Office.js implementation (officeHost.ts), and the end-to-end suite runs that implementation over
 * the in-page fake Excel.
 */
export interface GenerateRequest {
  /** The workbook's language (its sheet names, labels and grade words). */
  lang: Lang;
  organization: string;
  type: AssessmentType;
  dates?: { start?: string; end?: string };
  step: Step;
  evaluators: { name: string; kind: EvaluatorKind }[];
}

/** A validation issue as the pane lists it: the engine's or the reader's, with the cell to go to. */
export interface PaneIssue {
  code: string;
  severity: Severity;
  message: Localized;
  item?: string;
  /** Evaluator index (column), from 0. */
  evaluator?: number;
  /** The cell to select, "'评分'!H7" style (sheet-qualified, quoted). */
  cell?: string;
}

export interface ValidationReport {
  issues: PaneIssue[];
  errors: number;
  warnings: number;
}

/** Where the live formulas and the exact engine disagree: an overwritten formula, an edited rule. */
export interface IntegrityIssue {
  cell: string;
  /** What it is, e.g. "Result_FinalScore" or "5.2.1 score". */
  what: string;
  sheetValue: string;
  engineValue: string;
}

export interface ComputeReport {
  /** The engine's result in the `starscore score --json` shape, in each language (the pane can switch). */
  result: Record<Lang, ResultJson>;
  issues: PaneIssue[];
  integrity: IntegrityIssue[];
}

/** The item row under the selection, for the inspector. */
export interface ItemSelection {
  code: string;
  /** Each evaluator column's entry for the item and the cell it lives in. */
  entries: { name: string; kind: EvaluatorKind; value: number | string | null; cell: string }[];
  /** The evaluator column the selection is in, if any. */
  selectedEvaluator?: number;
}

export interface StarScoreHost {
  /** Whether the open workbook already has StarScore's sheets. */
  hasWorkbook(): Promise<boolean>;
  /** Creates the workbook; rejects with WorkbookExistsError rather than overwrite anything. */
  generate(request: GenerateRequest): Promise<{ skipped: string[] }>;
  /** Adds an evaluator or visit column, keeping every entry, note, exclusion and special item. */
  addEvaluator(evaluator: { name: string; kind: EvaluatorKind }): Promise<void>;
  validate(): Promise<ValidationReport>;
  compute(): Promise<ComputeReport>;
  selectCell(cell: string): Promise<void>;
  /** The item row at the current selection, or null when the selection is not on an item row. */
  inspectSelection(): Promise<ItemSelection | null>;
  /** Sets one entry cell (the inspector's band buttons). */
  setEntry(cell: string, value: number): Promise<void>;
  /** Subscribes to edits of the StarScore sheets; returns an unsubscribe function. */
  onChanged(listener: () => void): Promise<() => void>;
  /** Subscribes to selection changes on the Scoring sheet; returns an unsubscribe function. */
  onSelectionChanged(listener: () => void): Promise<() => void>;
}
