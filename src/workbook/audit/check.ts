import type { Assessment } from "../../assessment/schema";
import { toResultJson } from "../../core/report";
import { scoreAssessment } from "../../core/score";
import { GRADES } from "../../spec/grades";
import type { GradeId, Localised } from "../../spec/types";
import { sheetRef } from "../address";
import { RESULT_NAMES } from "../names";
import type { Grid } from "../read/grid";
import type { InfoField } from "../read/info";
import type { CellLocator, DeductionField } from "../read/locator";
import { actionOf, readAuditRows } from "./log";
import { reviewStateOf, type ReviewState } from "./review";
import { AUDIT_MESSAGES as M, phrase, plain, show, WHAT, yesNo, type Shown } from "./messages";
import {
  entriesHash,
  inputsOf,
  latestRecord,
  readSnapshot,
  resultOf,
  SNAPSHOT_SHEET,
  type SnapshotInputs,
  type SnapshotRecord,
  type SnapshotResult,
} from "./snapshot";

/**
 * After finalisation: does the workbook still hold what was finalised? Pure: given the snapshot
 * sheet (as a Grid, from ExcelJS or Office.js), the audit log sheet and the assessment read from
 * the workbook, it says
 * - `entries-changed`: each input that differs from the finalised entries (an entry, a note, a
 *   flag, an Info field, a deduction's field, an evaluator's name), with its cell, before → after;
 * - `result-changed`: each figure of the engine's result (on the entries as they are now) that
 *   differs from the finalised result;
 * - `snapshot-tampered`: a snapshot row whose checksum, data or entries hash does not match, or a
 *   header that was changed;
 * - `snapshot-missing`: the audit log says the assessment was finalised, but there is no snapshot;
 * - `unreadable`: finalised, but the workbook's entries cannot be read to compare;
 * - `changed-after-approval`: approved by the reviewer (review.ts), and changed since;
 * and, as information, the state (finalised or approved and unchanged, reopened, returned).
 */
export type AuditFindingCode =
  | "entries-changed"
  | "result-changed"
  | "snapshot-tampered"
  | "snapshot-missing"
  | "unreadable"
  | "finalised"
  | "reopened"
  | "approved"
  | "returned"
  | "changed-after-approval"
  | "more";

export interface AuditFinding {
  code: AuditFindingCode;
  severity: "error" | "warning" | "info";
  message: Localised;
  /** The cell concerned, "'评分'!H7" style, when there is one. */
  cell?: string;
}

export type AuditState = "draft" | "finalised" | "reopened";

export interface AuditCheck {
  state: AuditState;
  /** The review state (draft, finalised, approved, returned) with who and when. */
  review: ReviewState;
  /** The latest finalisation, when there is one. */
  record?: Pick<
    SnapshotRecord,
    "n" | "status" | "finalisedAt" | "finalisedBy" | "reopenedAt" | "reopenedBy" | "entriesHash"
  >;
  findings: AuditFinding[];
}

export interface AuditCheckInput {
  /** The StarScore_Snapshot sheet, when the workbook has one. */
  snapshot: Grid | undefined;
  /** The audit log sheet (审计日志 / Audit log), when the workbook has one. */
  audit?: Grid;
  /** The assessment read from the workbook and where its inputs are; undefined when it cannot be read. */
  read?: { assessment: Assessment; locator?: CellLocator };
}

/** Entry differences listed one by one; beyond this, one finding counts the rest. */
export const MAX_CHANGE_FINDINGS = 100;

export function checkFinalisation({ snapshot, audit, read }: AuditCheckInput): AuditCheck {
  const findings: AuditFinding[] = [];
  const parsed = snapshot ? readSnapshot(snapshot) : { records: [], problems: [] };
  for (const problem of parsed.problems) {
    findings.push({
      code: "snapshot-tampered",
      severity: "error",
      message: problem.message,
      ...(problem.row !== undefined && { cell: sheetRef(SNAPSHOT_SHEET, `A${problem.row}`) }),
    });
  }
  const latest = latestRecord(parsed.records);
  const review = reviewStateOf(parsed.records);
  if (!latest) {
    if (audit && lastFinalisationAction(audit) === "finalise") {
      findings.push({
        code: "snapshot-missing",
        severity: "error",
        message: snapshot ? M.snapshotEmpty() : M.snapshotGone(SNAPSHOT_SHEET),
      });
    }
    return { state: "draft", review, findings };
  }
  const record = {
    n: latest.n,
    status: latest.status,
    finalisedAt: latest.finalisedAt,
    finalisedBy: latest.finalisedBy,
    reopenedAt: latest.reopenedAt,
    reopenedBy: latest.reopenedBy,
    entriesHash: latest.entriesHash,
  };
  if (latest.status === "reopened") {
    const returned = review.state === "returned";
    findings.push(
      returned
        ? {
            code: "returned",
            severity: "info",
            message: M.returned(
              latest,
              review.reviewedBy ?? "",
              review.reviewedAt ?? "",
              review.comment ?? "",
            ),
          }
        : {
            code: "reopened",
            severity: "info",
            message:
              review.reason === undefined
                ? M.reopened(latest)
                : joined(M.reopened(latest), M.reopenReason(review.reason)),
          },
    );
    return { state: "reopened", review, record, findings };
  }
  if (!read) {
    findings.push({
      code: "unreadable",
      severity: "error",
      message: M.unreadable(),
    });
    return { state: "finalised", review, record, findings };
  }
  const now = inputsOf(read.assessment);
  const changes =
    entriesHash(now) === latest.entriesHash ? [] : entryChanges(latest.data.inputs, now, read.locator);
  for (const change of changes.slice(0, MAX_CHANGE_FINDINGS)) findings.push(change);
  if (changes.length > MAX_CHANGE_FINDINGS) {
    const more = changes.length - MAX_CHANGE_FINDINGS;
    findings.push({ code: "more", severity: "error", message: M.more(more) });
  }
  findings.push(...resultChanges(latest.data.result, read.assessment));
  const approved = review.state === "approved";
  const [by, at] = [review.reviewedBy ?? "", review.reviewedAt ?? ""];
  if (!findings.some((f) => f.severity === "error")) {
    findings.push(
      approved
        ? { code: "approved", severity: "info", message: M.approved(latest, by, at) }
        : { code: "finalised", severity: "info", message: M.finalised(latest) },
    );
  } else if (approved) {
    findings.unshift({
      code: "changed-after-approval",
      severity: "error",
      message: M.changedAfterApproval(latest, by, at),
    });
  }
  return { state: "finalised", review, record, findings };
}

const joined = (a: Localised, b: Localised): Localised => ({ zh: `${a.zh}${b.zh}`, en: `${a.en} ${b.en}` });

/** "finalise" or "reopen", whichever the log records last; undefined when neither. */
function lastFinalisationAction(audit: Grid): "finalise" | "reopen" | undefined {
  let last: "finalise" | "reopen" | undefined;
  for (const row of readAuditRows(audit)) {
    const action = actionOf(row.action);
    // Approval leaves it finalised; a return reopens it.
    if (action === "finalise" || action === "approve") last = "finalise";
    if (action === "reopen" || action === "return") last = "reopen";
  }
  return last;
}

/** Every input that differs, in the order of the workbook: Info, evaluators, Scoring, Special. */
export function entryChanges(
  before: SnapshotInputs,
  after: SnapshotInputs,
  locator?: CellLocator,
): AuditFinding[] {
  const out: AuditFinding[] = [];
  const blank = (v: Shown) => v === undefined || v === null || v === "";
  const change = (what: Localised, a: Shown, b: Shown, cell: string | undefined) => {
    if (a === b || (blank(a) && blank(b))) return;
    out.push({
      code: "entries-changed",
      severity: "error",
      message: M.entryChanged(what, show(a), show(b)),
      ...(cell !== undefined && { cell }),
    });
  };

  const info: [InfoField, Localised, Shown, Shown][] = [
    ["organization", WHAT.organization, before.organization, after.organization],
    ["type", WHAT.type, before.type, after.type],
    ["startDate", WHAT.startDate, before.dates?.start, after.dates?.start],
    ["endDate", WHAT.endDate, before.dates?.end, after.dates?.end],
    ["step", WHAT.step, before.step, after.step],
    ["leadAuditor", WHAT.leadAuditor, before.leadAuditor, after.leadAuditor],
  ];
  for (const [field, what, a, b] of info) {
    change(what, a, b, locator?.info(field));
  }

  const evaluatorName = (k: number) => after.evaluators[k]?.name || before.evaluators[k]?.name || `#${k + 1}`;
  if (before.evaluators.length !== after.evaluators.length) {
    change(WHAT.evaluatorCount, before.evaluators.length, after.evaluators.length, undefined);
  }
  const shared = Math.min(before.evaluators.length, after.evaluators.length);
  for (let k = 0; k < shared; k++) {
    const [a, b] = [before.evaluators[k]!, after.evaluators[k]!];
    change(WHAT.evaluatorName(k), a.name, b.name, locator?.evaluator(k));
    change(WHAT.evaluatorKind(k), a.kind, b.kind, locator?.evaluator(k));
  }

  for (const code of union(before.scores, after.scores)) {
    const [a, b] = [before.scores[code] ?? [], after.scores[code] ?? []];
    for (let k = 0; k < shared; k++) {
      change(WHAT.entry(code, evaluatorName(k)), a[k] ?? null, b[k] ?? null, locator?.entry(code, k));
    }
  }
  for (const code of union(before.notes ?? {}, after.notes ?? {})) {
    change(WHAT.notes(code), before.notes?.[code], after.notes?.[code], locator?.notes(code));
  }
  for (const key of union(before.exclusions ?? {}, after.exclusions ?? {})) {
    const [a, b] = [before.exclusions?.[key], after.exclusions?.[key]];
    if ((a === undefined) !== (b === undefined)) {
      change(
        WHAT.applicable(key),
        WHAT.applicableValue(a === undefined),
        WHAT.applicableValue(b === undefined),
        locator?.flag(key),
      );
    } else {
      change(WHAT.exclusionReason(key), a, b, locator?.reason(key));
    }
  }

  const fields: [DeductionField, Localised][] = [
    ["category", phrase("category")],
    ["description", phrase("description")],
    ["item", phrase("relatedItem")],
    ["evidence", phrase("evidence")],
    ["rectification", phrase("rectification")],
    ["deadline", phrase("deadline")],
    ["status", phrase("status")],
  ];
  const [dA, dB] = [before.deductions ?? [], after.deductions ?? []];
  if (dA.length !== dB.length) change(WHAT.deductionCount, dA.length, dB.length, undefined);
  for (let i = 0; i < Math.min(dA.length, dB.length); i++) {
    for (const [field, label] of fields) {
      change(WHAT.deductionField(i, label), dA[i]![field], dB[i]![field], locator?.deduction(i, field));
    }
  }
  const [bA, bB] = [before.bonus ?? [], after.bonus ?? []];
  if (bA.length !== bB.length) change(WHAT.bonusCount, bA.length, bB.length, undefined);
  for (let i = 0; i < Math.min(bA.length, bB.length); i++) {
    change(WHAT.bonusPoints(i), bA[i]!.points, bB[i]!.points, locator?.bonus(i, "points"));
    change(WHAT.bonusReason(i), bA[i]!.reason, bB[i]!.reason, locator?.bonus(i, "reason"));
  }
  return out;
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

const TOLERANCE = 1e-9;

/** The result's numbers the check compares, and the decimals each is shown with. */
const NUMBERS = [
  ["finalScore", 2],
  ["rawScore", 4],
  ["applicableTotal", 4],
  ["scaledScore", 4],
  ["deductions", 0],
  ["bonus", 2],
] as const satisfies readonly (readonly [keyof SnapshotResult & keyof typeof RESULT_NAMES, number])[];

/** The engine's result on the entries as they are now, against the finalised one. */
export function resultChanges(finalised: SnapshotResult, assessment: Assessment): AuditFinding[] {
  const now = resultOf(toResultJson(assessment, scoreAssessment(assessment), "zh"));
  const out: AuditFinding[] = [];
  const differ = (name: string, what: Localised, a: Localised, b: Localised) =>
    out.push({ code: "result-changed", severity: "error", message: M.resultChanged(name, what, a, b) });
  for (const [key, places] of NUMBERS) {
    const [a, b] = [finalised[key], now[key]];
    if (Math.abs(a - b) > TOLERANCE) {
      differ(RESULT_NAMES[key], WHAT[key], plain(a.toFixed(places)), plain(b.toFixed(places)));
    }
  }
  if (finalised.grade !== now.grade) {
    differ(RESULT_NAMES.grade, WHAT.grade, gradeLabel(finalised.grade), gradeLabel(now.grade));
  }
  for (const key of ["passed", "complete"] as const) {
    if (finalised[key] !== now[key])
      differ(RESULT_NAMES[key], WHAT[key], yesNo(finalised[key]), yesNo(now[key]));
  }
  for (const indicator of finalised.indicators) {
    const current = now.indicators.find((i) => i.id === indicator.id);
    if (!current || Math.abs(current.score - indicator.score) > TOLERANCE) {
      differ(
        indicator.id,
        WHAT.indicatorScore(indicator.id),
        plain(indicator.score.toFixed(4)),
        plain(current ? current.score.toFixed(4) : "–"),
      );
    }
  }
  return out;
}

function gradeLabel(id: GradeId): Localised {
  return GRADES.find((g) => g.id === id)?.label ?? plain(id);
}
