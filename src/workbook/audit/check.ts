import type { Assessment } from "../../assessment/schema";
import { toResultJson } from "../../core/report";
import { scoreAssessment } from "../../core/score";
import { GRADES } from "../../spec/grades";
import type { GradeId, Localized } from "../../spec/types";
import { sheetRef } from "../address";
import type { Grid } from "../read/grid";
import type { InfoField } from "../read/info";
import type { CellLocator, DeductionField } from "../read/locator";
import { actionOf, readAuditRows } from "./log";
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
 * and, as information, the state (finalised and unchanged, or reopened).
 */
export type AuditFindingCode =
  | "entries-changed"
  | "result-changed"
  | "snapshot-tampered"
  | "snapshot-missing"
  | "unreadable"
  | "finalised"
  | "reopened"
  | "more";

export interface AuditFinding {
  code: AuditFindingCode;
  severity: "error" | "warning" | "info";
  message: Localized;
  /** The cell concerned, "'评分'!H7" style, when there is one. */
  cell?: string;
}

export type AuditState = "draft" | "finalised" | "reopened";

export interface AuditCheck {
  state: AuditState;
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
  if (!latest) {
    if (audit && lastFinalisationAction(audit) === "finalise") {
      findings.push({
        code: "snapshot-missing",
        severity: "error",
        message: snapshot
          ? {
              zh: "审计日志记录了定稿，但定稿快照中没有可用的记录：无法确认定稿后的录入内容未被改动。",
              en: "The audit log records a finalisation, but the snapshot holds no usable record: the entries cannot be confirmed unchanged since.",
            }
          : {
              zh: `审计日志记录了定稿，但定稿快照工作表（${SNAPSHOT_SHEET}）已不存在：无法确认定稿后的录入内容未被改动。`,
              en: `The audit log records a finalisation, but the snapshot sheet (${SNAPSHOT_SHEET}) is gone: the entries cannot be confirmed unchanged since.`,
            },
      });
    }
    return { state: "draft", findings };
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
    findings.push({
      code: "reopened",
      severity: "info",
      message: {
        zh: `第 ${latest.n} 次定稿（${latest.finalisedAt}，${who(latest.finalisedBy, "zh")}）已于 ${latest.reopenedAt} 由 ${who(latest.reopenedBy, "zh")} 重新开放：录入内容可以编辑，不与定稿比较。`,
        en: `Finalisation ${latest.n} (${latest.finalisedAt}, ${who(latest.finalisedBy, "en")}) was reopened at ${latest.reopenedAt} by ${who(latest.reopenedBy, "en")}: the entries may be edited and are not compared.`,
      },
    });
    return { state: "reopened", record, findings };
  }
  if (!read) {
    findings.push({
      code: "unreadable",
      severity: "error",
      message: {
        zh: "评估已定稿，但工作簿中的录入内容无法读取，无法与定稿比较。",
        en: "The assessment is finalised, but the workbook's entries cannot be read to compare with it.",
      },
    });
    return { state: "finalised", record, findings };
  }
  const now = inputsOf(read.assessment);
  const changes =
    entriesHash(now) === latest.entriesHash ? [] : entryChanges(latest.data.inputs, now, read.locator);
  for (const change of changes.slice(0, MAX_CHANGE_FINDINGS)) findings.push(change);
  if (changes.length > MAX_CHANGE_FINDINGS) {
    const more = changes.length - MAX_CHANGE_FINDINGS;
    findings.push({
      code: "more",
      severity: "error",
      message: { zh: `另有 ${more} 处改动。`, en: `And ${more} more change${more === 1 ? "" : "s"}.` },
    });
  }
  findings.push(...resultChanges(latest.data.result, read.assessment));
  if (!findings.some((f) => f.severity === "error")) {
    findings.push({
      code: "finalised",
      severity: "info",
      message: {
        zh: `已于 ${latest.finalisedAt} 由 ${who(latest.finalisedBy, "zh")} 定稿（第 ${latest.n} 次）；录入内容与定稿一致（SHA-256 ${latest.entriesHash.slice(0, 16)}…）。`,
        en: `Finalised at ${latest.finalisedAt} by ${who(latest.finalisedBy, "en")} (finalisation ${latest.n}); the entries are as finalised (SHA-256 ${latest.entriesHash.slice(0, 16)}…).`,
      },
    });
  }
  return { state: "finalised", record, findings };
}

/** "finalise" or "reopen", whichever the log records last; undefined when neither. */
function lastFinalisationAction(audit: Grid): "finalise" | "reopen" | undefined {
  let last: "finalise" | "reopen" | undefined;
  for (const row of readAuditRows(audit)) {
    const action = actionOf(row.action);
    if (action === "finalise" || action === "reopen") last = action;
  }
  return last;
}

const who = (person: string, lang: "zh" | "en") => person || (lang === "zh" ? "（未署名）" : "(no name)");

type Value = string | number | boolean | null | undefined;

function show(value: Value): Localized {
  if (value === null || value === undefined || value === "") return { zh: "空白", en: "blank" };
  if (typeof value === "string") {
    const text = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return { zh: `“${text}”`, en: `"${text}"` };
  }
  return { zh: String(value), en: String(value) };
}

/** Every input that differs, in the order of the workbook: Info, evaluators, Scoring, Special. */
export function entryChanges(
  before: SnapshotInputs,
  after: SnapshotInputs,
  locator?: CellLocator,
): AuditFinding[] {
  const out: AuditFinding[] = [];
  const change = (what: Localized, a: Value, b: Value, cell: string | undefined) => {
    if (
      a === b ||
      ((a === undefined || a === null || a === "") && (b === undefined || b === null || b === ""))
    )
      return;
    const [x, y] = [show(a), show(b)];
    out.push({
      code: "entries-changed",
      severity: "error",
      message: {
        zh: `定稿后已改动：${what.zh}（${x.zh} → ${y.zh}）`,
        en: `Changed after finalisation: ${what.en} (${x.en} → ${y.en})`,
      },
      ...(cell !== undefined && { cell }),
    });
  };

  const info: [InfoField, Localized, Value, Value][] = [
    ["organization", { zh: "受评组织", en: "organisation" }, before.organization, after.organization],
    ["type", { zh: "评价类型", en: "assessment type" }, before.type, after.type],
    ["startDate", { zh: "评价开始日期", en: "start date" }, before.dates?.start, after.dates?.start],
    ["endDate", { zh: "评价结束日期", en: "end date" }, before.dates?.end, after.dates?.end],
    ["step", { zh: "评分步长", en: "entry step" }, before.step, after.step],
  ];
  for (const [field, what, a, b] of info) {
    change(what, a, b, locator?.info(field));
  }

  const evaluatorName = (k: number) => after.evaluators[k]?.name || before.evaluators[k]?.name || `#${k + 1}`;
  if (before.evaluators.length !== after.evaluators.length) {
    change(
      { zh: "评价人列数", en: "number of evaluator columns" },
      before.evaluators.length,
      after.evaluators.length,
      undefined,
    );
  }
  const shared = Math.min(before.evaluators.length, after.evaluators.length);
  for (let k = 0; k < shared; k++) {
    const [a, b] = [before.evaluators[k]!, after.evaluators[k]!];
    change(
      { zh: `第 ${k + 1} 列评价人姓名`, en: `name of evaluator column ${k + 1}` },
      a.name,
      b.name,
      locator?.evaluator(k),
    );
    change(
      { zh: `第 ${k + 1} 列类型`, en: `kind of evaluator column ${k + 1}` },
      a.kind,
      b.kind,
      locator?.evaluator(k),
    );
  }

  for (const code of union(before.scores, after.scores)) {
    const [a, b] = [before.scores[code] ?? [], after.scores[code] ?? []];
    for (let k = 0; k < shared; k++) {
      const name = evaluatorName(k);
      change(
        { zh: `${code}，${name} 的评分`, en: `${code}, ${name}'s entry` },
        a[k] ?? null,
        b[k] ?? null,
        locator?.entry(code, k),
      );
    }
  }
  for (const code of union(before.notes ?? {}, after.notes ?? {})) {
    change(
      { zh: `${code} 的备注`, en: `${code} notes` },
      before.notes?.[code],
      after.notes?.[code],
      locator?.notes(code),
    );
  }
  for (const key of union(before.exclusions ?? {}, after.exclusions ?? {})) {
    const [a, b] = [before.exclusions?.[key], after.exclusions?.[key]];
    if ((a === undefined) !== (b === undefined)) {
      change(
        { zh: `${key} 是否适用`, en: `${key} applicable` },
        a === undefined ? "适用 / Yes" : "不适用 / No",
        b === undefined ? "适用 / Yes" : "不适用 / No",
        locator?.flag(key),
      );
    } else {
      change({ zh: `${key} 的删减原因`, en: `${key} exclusion reason` }, a, b, locator?.reason(key));
    }
  }

  const fields: [DeductionField, Localized][] = [
    ["category", { zh: "类别", en: "category" }],
    ["description", { zh: "描述", en: "description" }],
    ["item", { zh: "关联项目", en: "related item" }],
    ["evidence", { zh: "证据", en: "evidence" }],
    ["rectification", { zh: "整改要求", en: "rectification" }],
    ["deadline", { zh: "整改期限", en: "deadline" }],
    ["status", { zh: "状态", en: "status" }],
  ];
  const [dA, dB] = [before.deductions ?? [], after.deductions ?? []];
  if (dA.length !== dB.length) {
    change({ zh: "特别扣分项数", en: "number of special deductions" }, dA.length, dB.length, undefined);
  }
  for (let i = 0; i < Math.min(dA.length, dB.length); i++) {
    for (const [field, label] of fields) {
      change(
        { zh: `特别扣分项 ${i + 1} 的${label.zh}`, en: `special deduction ${i + 1} ${label.en}` },
        dA[i]![field],
        dB[i]![field],
        locator?.deduction(i, field),
      );
    }
  }
  const [bA, bB] = [before.bonus ?? [], after.bonus ?? []];
  if (bA.length !== bB.length) {
    change({ zh: "特别加分项数", en: "number of special bonus entries" }, bA.length, bB.length, undefined);
  }
  for (let i = 0; i < Math.min(bA.length, bB.length); i++) {
    change(
      { zh: `特别加分 ${i + 1} 的分值`, en: `special bonus ${i + 1} points` },
      bA[i]!.points,
      bB[i]!.points,
      locator?.bonus(i, "points"),
    );
    change(
      { zh: `特别加分 ${i + 1} 的理由`, en: `special bonus ${i + 1} reason` },
      bA[i]!.reason,
      bB[i]!.reason,
      locator?.bonus(i, "reason"),
    );
  }
  return out;
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

const TOLERANCE = 1e-9;

/** The engine's result on the entries as they are now, against the finalised one. */
export function resultChanges(finalised: SnapshotResult, assessment: Assessment): AuditFinding[] {
  const now = resultOf(toResultJson(assessment, scoreAssessment(assessment), "zh"));
  const out: AuditFinding[] = [];
  const differ = (name: string, what: Localized, a: Localized, b: Localized) =>
    out.push({
      code: "result-changed",
      severity: "error",
      message: {
        zh: `结果与定稿时不同：${what.zh}（${a.zh} → ${b.zh}）[${name}]`,
        en: `The result differs from the finalised one: ${what.en} (${a.en} → ${b.en}) [${name}]`,
      },
    });
  const numbers: [keyof SnapshotResult, string, Localized, number][] = [
    ["finalScore", "Result_FinalScore", { zh: "最终得分", en: "final score" }, 2],
    ["rawScore", "Result_RawScore", { zh: "实际得分", en: "raw score" }, 4],
    ["applicableTotal", "Result_ApplicableTotal", { zh: "涉及项总分值", en: "applicable total" }, 4],
    ["scaledScore", "Result_ScaledScore", { zh: "换算得分", en: "scaled score" }, 4],
    ["deductions", "Result_Deductions", { zh: "特别扣分项", en: "special deductions" }, 0],
    ["bonus", "Result_Bonus", { zh: "特别加分", en: "special bonus" }, 2],
  ];
  for (const [key, name, what, places] of numbers) {
    const [a, b] = [finalised[key] as number, now[key] as number];
    if (Math.abs(a - b) > TOLERANCE) differ(name, what, plain(a.toFixed(places)), plain(b.toFixed(places)));
  }
  if (finalised.grade !== now.grade) {
    differ("Result_Grade", { zh: "等级", en: "grade" }, gradeLabel(finalised.grade), gradeLabel(now.grade));
  }
  for (const key of ["passed", "complete"] as const) {
    if (finalised[key] !== now[key]) {
      const what = key === "passed" ? { zh: "是否通过", en: "passed" } : { zh: "评分完整", en: "complete" };
      differ(
        key === "passed" ? "Result_Passed" : "Result_Complete",
        what,
        yesNo(finalised[key]),
        yesNo(now[key]),
      );
    }
  }
  for (const indicator of finalised.indicators) {
    const current = now.indicators.find((i) => i.id === indicator.id);
    if (!current || Math.abs(current.score - indicator.score) > TOLERANCE) {
      differ(
        indicator.id,
        { zh: `二级指标 ${indicator.id} 得分`, en: `indicator ${indicator.id} score` },
        plain(indicator.score.toFixed(4)),
        plain(current ? current.score.toFixed(4) : "–"),
      );
    }
  }
  return out;
}

const plain = (text: string): Localized => ({ zh: text, en: text });
const yesNo = (value: boolean): Localized => (value ? { zh: "是", en: "yes" } : { zh: "否", en: "no" });

function gradeLabel(id: GradeId): Localized {
  return GRADES.find((g) => g.id === id)?.label ?? plain(id);
}
