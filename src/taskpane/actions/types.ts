import type { Assessment, Bonus, Deduction, EvaluatorKind, FollowUp, Purpose } from "../../assessment/schema";
import type { CompareJson } from "../../core/compare";
import type { PlanJson, PlanTarget } from "../../core/plan";
import type { ResultJson } from "../../core/report";
import type { ReportModel } from "../../report/model";
import type { IssueCode, Severity } from "../../core/issues";
import type { AssessmentType, Step } from "../../spec/rules";
import type { Lang, Localised } from "../../spec/types";
import type { AuditFindingCode } from "../../workbook/audit/check";
import type { ReviewState } from "../../workbook/audit/review";
import type { IntegrityCode } from "../../workbook/integrity/findings";
import type { ReadIssueCode } from "../../workbook/read/issues";

/**
 * What the task pane asks of Excel: one method per user action, each one Excel.run (validate and
 * compute: one read and one write sync whatever the number of evaluators). The React views depend
 * on this interface only, so component tests give them a plain object, the add-in gives them the
 * Office.js implementation (office-host.ts), and the end-to-end suite runs that implementation over
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
  /** Certification audit (default) or self-assessment (the form's choice; from the previous audit, the last one's). */
  purpose?: Purpose;
  /** Whether the workbook gets the Plan sheet (计划); by default, for a self-assessment only. */
  plan?: boolean;
  /** The previous audit's findings to verify (src/core/follow-up.ts): the Special sheet lists them. */
  followUp?: FollowUp[];
}

/**
 * What a pane issue is: the engine's (core/issues.ts) or the reader's (an entry cell that is not a
 * number), the workbook that could not be read, the highlights that could not be written or shown
 * (a workbook without the highlight store), or Excel's manual calculation (results not compared).
 */
export type PaneIssueCode =
  | IssueCode
  | ReadIssueCode
  | "workbook-unreadable"
  | "workbook-not-written"
  | "highlights-unavailable"
  | "manual-calculation";

/** A validation issue as the pane lists it: the engine's or the reader's, with the cell to go to. */
export interface PaneIssue {
  code: PaneIssueCode;
  severity: Severity;
  message: Localised;
  item?: string;
  /** The indicator an issue is about when it is about a whole indicator (excluding 5.2.3). */
  indicator?: string;
  /** Evaluator index (column), from 0. */
  evaluator?: number;
  /** The cell to select, "'评分'!H7" style (sheet-qualified, quoted). */
  cell?: string;
}

export interface ValidationReport {
  issues: PaneIssue[];
  errors: number;
  warnings: number;
  /** When the workbook could be read: how many applicable items have a valid entry, of how many. */
  progress?: { scored: number; applicable: number };
  /** When the workbook could be read: the score as it stands (what finalising would freeze). */
  result?: { finalScore: number; gradeLabel: Localised };
}

/**
 * Where the live formulas and the exact engine disagree (compute): an overwritten formula, an edited
 * rule. Or where the workbook is not what StarScore wrote (verify): then `sheetValue` is what the
 * cell holds and `engineValue` what StarScore wrote there (a formula "=…", a value), with the
 * finding's code and message.
 */
export interface IntegrityIssue {
  /** The cell to select, "'评分'!H7" style; verify leaves it out for a missing sheet or row. */
  cell?: string;
  /** What it is, e.g. "Result_FinalScore" or "5.2.1 score". */
  what: string;
  sheetValue: string;
  engineValue: string;
  /**
   * verify: the kind of finding (the codes of `starscore verify`, and of its finalisation check),
   * or the live results not compared because Excel is in manual calculation.
   */
  code?: IntegrityCode | AuditFindingCode | "manual-calculation";
  /** verify: what was found, in both languages. */
  message?: Localised;
}

export interface ComputeReport {
  /** The engine's result in the `starscore score --json` shape, in each language (the pane can switch). */
  result: Record<Lang, ResultJson>;
  issues: PaneIssue[];
  integrity: IntegrityIssue[];
  /** The exclusions the workbook records: an item code or an indicator id, and the reason given. */
  exclusions: { key: string; reason: string }[];
  /** The items in disagreement (result.agreement), each with every evaluator column's entry. */
  disagreements?: ItemEntries[];
}

/** One item's entries, one per evaluator column (in result.evaluators' order), as typed. */
export interface ItemEntries {
  code: string;
  entries: (number | null)[];
}

/**
 * What the reviewing manager checks, read without writing anything (reviewReport): the result
 * (completeness and agreement in it), the issues, the items in disagreement with their entries,
 * the exclusions with their reasons, the special deductions with their rectification and the
 * bonus with its reason.
 */
export interface ReviewReport {
  result: Record<Lang, ResultJson>;
  issues: PaneIssue[];
  exclusions: { key: string; reason: string }[];
  disagreements: ItemEntries[];
  deductions: Deduction[];
  bonus: Bonus[];
}

/** The item row under the selection, for the inspector. */
export interface ItemSelection {
  code: string;
  /** Each evaluator column's entry for the item and the cell it lives in. */
  entries: { name: string; kind: EvaluatorKind; value: number | string | null; cell: string }[];
  /** The evaluator column the selection is in, if any. */
  selectedEvaluator?: number;
  /** Whether the assessment is finalised (its entry cells locked): the inspector enters nothing then. */
  finalised: boolean;
  /** The item's note (备注 / 证据) and its cell. */
  note?: { cell: string; value: string };
}

/** A finalisation as the pane shows it (src/workbook/audit/snapshot.ts keeps it in the workbook). */
export interface FinaliseRecord {
  n: number;
  status: "finalised" | "reopened";
  /** ISO 8601, local time with its offset. */
  finalisedAt: string;
  finalisedBy: string;
  reopenedAt: string;
  reopenedBy: string;
  /** SHA-256 of the entries, 64 hex digits. */
  entriesHash: string;
  finalScore: number;
  gradeLabel: Localised;
}

/** One row of the audit log, as the sheet shows it. */
export interface AuditLogRow {
  time: string;
  person: string;
  action: string;
  summary: string;
}

export interface FinaliseStatus {
  /** Whether the open workbook has StarScore's sheets. */
  workbook: boolean;
  state: "draft" | "finalised" | "reopened";
  /** The review state (draft, finalised, approved, returned), with who, when and the comment. */
  review?: ReviewState;
  /** The latest finalisation. */
  record?: FinaliseRecord;
  /** Whether the workbook has an audit log sheet (workbooks made before it have none). */
  hasLog: boolean;
  /** The log's last rows, newest first. */
  log: AuditLogRow[];
  /** What is wrong with the snapshot sheet (rows edited), if anything. */
  problems: Localised[];
}

/**
 * A workbook file the user chose from disk in the pane (an `<input type="file">`): its name as the
 * browser gives it and its bytes, read by the view with `File.arrayBuffer()`. The host reads it with
 * the same reader as the CLI (src/workbook/xlsx/read.ts, loaded in a chunk of its own), so merge,
 * compare and "start from the previous audit" accept exactly the files `starscore` accepts.
 */
export interface ChosenFile {
  name: string;
  data: Uint8Array;
}

/** One side of a merge conflict: the file, the cell (when known) and the value there. */
export interface MergeConflictSide {
  file: string;
  cell?: string;
  value: number | string;
}

/**
 * What merging the evaluators' workbooks into the open one did (src/workbook/merge.ts's rules):
 * merged, with what was taken and the columns added; or, with any conflict, nothing written and
 * every conflict (the evaluator, the item, both files' cells). Warnings either way: a file whose
 * Info, exclusions or special items differ from the lead's (those differences are not merged).
 */
export interface MergeReport {
  merged: boolean;
  conflicts: {
    kind: "entry" | "notes";
    item: string;
    evaluator?: { name: string; kind: EvaluatorKind };
    a: MergeConflictSide;
    b: MergeConflictSide;
    message: Localised;
  }[];
  warnings: Localised[];
  taken: { entries: number; notes: number };
  /** The evaluator columns added at the end. */
  added: string[];
}

/**
 * The gap to a target grade (`starscore plan --json`, src/core/plan.ts) and where its items are,
 * for the Plan view.
 */
export interface PlanReport {
  plan: PlanJson;
  /** Each applicable item's row on the Scoring sheet (its first evaluator's entry cell), to go to. */
  cells: Record<string, string>;
}

/** This audit against the previous one (`starscore compare --json`, src/core/compare.ts). */
export interface CompareReport {
  comparison: CompareJson;
  /** The previous workbook's file name, as chosen. */
  previous: string;
  /** Each item's row on this workbook's Scoring sheet (its first evaluator's entry cell). */
  cells: Record<string, string>;
}

/**
 * What the pane's report action did: the Report sheet (its name, in the workbook's language) added
 * or refreshed, and the report model (src/report/model.ts) the pane fills the .docx from.
 */
export interface ReportResult {
  sheet: string;
  refreshed: boolean;
  model: ReportModel;
}

/**
 * Every action that changes the workbook or checks it on the user's behalf appends a row to the
 * audit log naming `person`, the name the pane asks once (its person field); without it, the name
 * the pane remembers.
 */
export interface StarScoreHost {
  /** Whether the open workbook already has StarScore's sheets. */
  hasWorkbook(): Promise<boolean>;
  /** Creates the workbook; rejects with WorkbookExistsError rather than overwrite anything. */
  generate(request: GenerateRequest, person?: string): Promise<{ skipped: string[] }>;
  /**
   * Adds an evaluator or visit column, keeping every entry, note, exclusion and special item. The
   * sheets are rebuilt: refused with ReferencesAtRiskError when the user's own formulas or names
   * refer to them (they would show #REF!), unless `breakReferences` (the user chose to go on).
   * The audit log names `person`.
   */
  addEvaluator(
    evaluator: { name: string; kind: EvaluatorKind },
    options?: { breakReferences?: boolean; person?: string },
  ): Promise<void>;
  /**
   * Validates, highlights the cells at fault and appends the audit log's row naming `person`;
   * `background: true` (auto-validation after the user's edit) reads only and writes nothing at
   * all, so the user's undo stack is left as their edit left it.
   */
  validate(options?: { background?: boolean; person?: string }): Promise<ValidationReport>;
  compute(person?: string): Promise<ComputeReport>;
  /**
   * Finalises the assessment (lead auditor): refuses when validation finds errors (ActionError with
   * them) or it is finalised already; locks every input, stores the snapshot, logs. `person` is
   * required (the pane's name field).
   */
  finalise(person: string): Promise<FinaliseRecord>;
  /**
   * Unlocks the inputs finalise locked, marks the snapshot reopened, logs; `reason` (the view asks
   * for it) is kept in the snapshot and the log, and refused when blank.
   */
  reopen(person: string, reason?: string): Promise<FinaliseRecord>;
  /**
   * The reviewing manager's decision on the finalised workbook: approve (a comment optional) or
   * return with a comment (it reopens the workbook). Kept in the snapshot and logged with name and
   * time; refused for the person who finalised, when not finalised, or approved already.
   */
  review(person: string, verdict: "approve" | "return", comment: string): Promise<FinaliseRecord>;
  /**
   * What a reviewer checks (ReviewReport): one Excel.run, one read sync, nothing written. Rejects
   * like compute when the workbook cannot be read.
   */
  reviewReport(): Promise<ReviewReport>;
  /** Draft, finalised or reopened, and the audit log's last rows, for the Finalise view. */
  finaliseStatus(): Promise<FinaliseStatus>;
  /**
   * Merges evaluators' workbooks (chosen files) into the open one, the lead's: their entries and
   * notes by evaluator name and kind, new evaluators as new columns. One Excel.run: read, then
   * the workbook rebuilt (as addEvaluator) with one audit-log row naming `person`. With any
   * conflict nothing is written and the report lists them. Refused (ActionError) for a file that
   * is not a StarScore workbook or has another catalogue and rules fingerprint, a finalised
   * workbook, entry cells that a rebuild would lose; ReferencesAtRiskError as addEvaluator.
   */
  merge(files: ChosenFile[], options?: { person?: string; breakReferences?: boolean }): Promise<MergeReport>;
  /**
   * Checks that the workbook is what StarScore wrote (formulas, catalogue, rules, names, fingerprint,
   * the Summary against the engine): one Excel.run, one read sync, nothing written; given the
   * person, the audit log's row in two syncs more.
   */
  verify(person?: string): Promise<IntegrityIssue[]>;
  /**
   * Adds the Report sheet (报告 / Report) or refreshes it, and gives the report model for the .docx:
   * one Excel.run, one audit-log row naming `person`. Refused (ActionError) when a sheet of that
   * name is not StarScore's, or the workbook cannot be read; ReferencesAtRiskError when the user's
   * formulas refer to the sheet being refreshed. Allowed on a finalised workbook (no input is touched).
   */
  report(person?: string): Promise<ReportResult>;
  /**
   * The report model for the .docx, read as the workbook is now: one Excel.run, one read sync,
   * nothing written. Refused (ActionError) as `report` is when the workbook or an entry cannot be read.
   */
  reportModel(): Promise<ReportModel>;
  selectCell(cell: string): Promise<void>;
  /** The item row at the current selection, or null when the selection is not on an item row. */
  inspectSelection(): Promise<ItemSelection | null>;
  /** Sets one entry cell (the inspector's band buttons); logged when given the person. */
  setEntry(cell: string, value: number, person?: string): Promise<void>;
  /** Sets an item's note (备注 / 证据) as text; logged when given the person. */
  setNote(cell: string, text: string, person?: string): Promise<void>;
  /**
   * The fewest raises to `target` (default: the grade above the current one): one Excel.run, one
   * read sync, nothing written. Refused (ActionError) when the workbook cannot be read or an entry
   * cell is not a number, as `starscore plan` refuses: a plan from a misread entry would mislead.
   */
  plan(target?: PlanTarget): Promise<PlanReport>;
  /**
   * The open workbook against the previous audit's workbook file (read by the CLI's reader): one
   * Excel.run, one read sync, nothing written. Refused like plan, and when the file is not a
   * readable StarScore workbook.
   */
  compare(previous: ChosenFile): Promise<CompareReport>;
  /**
   * The next audit after the one in a chosen workbook file (src/core/follow-up.ts nextAudit): its
   * organisation, purpose, step, team and findings to verify, for the generate form. No Excel.
   */
  startFrom(previous: ChosenFile): Promise<Assessment>;
  /** Subscribes to edits of the StarScore sheets; returns an unsubscribe function. */
  onChanged(listener: () => void): Promise<() => void>;
  /** Subscribes to selection changes on the Scoring sheet; returns an unsubscribe function. */
  onSelectionChanged(listener: () => void): Promise<() => void>;
}
