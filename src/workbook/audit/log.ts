import type { EvaluatorKind } from "../../assessment/schema";
import type { Lang, Localised } from "../../spec/types";
import type { LayoutContext } from "../context";
import { TEXT } from "../labels";
import { textAt, type Grid } from "../read/grid";
import type { BuiltSheet } from "../sheet-builder";

/**
 * 审计日志 Audit log: one row per task-pane action on the workbook (generate, validate, compute,
 * finalise, reopen, add an evaluator, the integrity check, an entry or note from the inspector): when (ISO 8601, local time with its offset), who (the name
 * typed in the pane), what, and a summary in the workbook's language. The sheet is visible and
 * protected with every cell locked; only StarScore appends to it, each row inside the action's own
 * write request. Everything is written as a value (text with an apostrophe), never a formula, so a
 * name typed as "=…" stays text.
 *
 * The layout carries the rows it is given (generate: the "generate" row itself, so the workbook and
 * its first log row are one request; add an evaluator: the rows read back, plus its own), and the
 * actions append below the last used row.
 */
export type AuditAction =
  | "generate"
  | "validate"
  | "compute"
  | "finalise"
  | "reopen"
  | "add-evaluator"
  | "merge"
  | "approve"
  | "return"
  | "verify"
  | "set-entry"
  | "set-note"
  | "report";

/** The action as the log's reader sees it: words, not the action's code. */
export const AUDIT_ACTIONS: Record<AuditAction, Localised> = {
  generate: { zh: "生成", en: "Generated" },
  validate: { zh: "校验", en: "Validated" },
  compute: { zh: "计算", en: "Computed" },
  finalise: { zh: "定稿", en: "Finalised" },
  reopen: { zh: "重新开放", en: "Reopened" },
  "add-evaluator": { zh: "添加评价人", en: "Column added" },
  merge: { zh: "合并", en: "Merged" },
  approve: { zh: "审核通过", en: "Approved" },
  return: { zh: "退回", en: "Returned" },
  verify: { zh: "完整性检查", en: "Integrity checked" },
  "set-entry": { zh: "录入评分", en: "Score entered" },
  "set-note": { zh: "编辑备注", en: "Note edited" },
  report: { zh: "报告", en: "Report" },
};

/** The words logs written before layout 3 used (the actions' codes), still read back. */
const EARLIER_WORDS: Partial<Record<AuditAction, string>> = {
  generate: "generate",
  validate: "validate",
  compute: "compute",
  finalise: "finalise",
  reopen: "reopen",
  "add-evaluator": "add-evaluator",
};

/** A new row, before it is written. */
export interface AuditEntry {
  time: string;
  person: string;
  action: AuditAction;
  summary: string;
}

/** A row as the sheet shows it (the action as its word in the workbook's language). */
export interface AuditRow {
  time: string;
  person: string;
  action: string;
  summary: string;
}

export const AUDIT_LAYOUT = {
  titleRow: 1,
  noteRow: 2,
  headerRow: 4,
  firstRow: 5,
  /** Time, person, action, summary. */
  columns: 4,
  lastColumn: "D",
} as const;

export function auditRow(entry: AuditEntry, lang: Lang): AuditRow {
  return { ...entry, action: AUDIT_ACTIONS[entry.action][lang] };
}

/** The action a row's word names (either language), if any. */
export function actionOf(word: string): AuditAction | undefined {
  const folded = word.trim().toLocaleLowerCase("en-US");
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).find((action) =>
    [AUDIT_ACTIONS[action].zh, AUDIT_ACTIONS[action].en, EARLIER_WORDS[action] ?? ""].some(
      (w) => w !== "" && w.toLocaleLowerCase("en-US") === folded,
    ),
  );
}

/** The 审计日志 sheet with the given rows. */
export function buildAuditSheet(ctx: LayoutContext, rows: readonly AuditRow[] = []): BuiltSheet {
  const s = ctx.sheet("audit");
  const { lang } = ctx;
  const L = AUDIT_LAYOUT;
  s.value(`A${L.titleRow}`, ctx.sheetNames.audit, { style: "title" });
  s.value(`A${L.noteRow}`, TEXT.auditNote[lang], { style: "muted" });
  s.headers(L.headerRow, 1, [
    TEXT.auditTime[lang],
    TEXT.auditPerson[lang],
    TEXT.auditAction[lang],
    TEXT.auditSummary[lang],
  ]);
  rows.forEach((row, i) => {
    const r = L.firstRow + i;
    // Every cell a value: user text (the person, a summary quoting a name) never becomes a formula.
    s.value(`A${r}`, row.time, { style: "text" });
    s.value(`B${r}`, row.person, { style: "text" });
    s.value(`C${r}`, row.action, { style: "text" });
    s.value(`D${r}`, row.summary, { style: "wrap" });
  });
  s.spec.columns.push(
    { col: "A", width: 27 },
    { col: "B", width: 18 },
    { col: "C", width: 14 },
    { col: "D", width: 60 },
  );
  s.spec.freeze = { rows: L.headerRow, columns: 0 };
  s.spec.print = { orientation: "portrait", fitToWidth: true };
  return s.build();
}

/** The log's rows, oldest first (blank rows skipped). */
export function readAuditRows(grid: Grid, firstRow: number = AUDIT_LAYOUT.firstRow): AuditRow[] {
  const rows: AuditRow[] = [];
  for (let row = Math.max(firstRow, AUDIT_LAYOUT.firstRow); row <= grid.lastRow; row++) {
    const [time, person, action, summary] = [1, 2, 3, 4].map((column) => textAt(grid, row, column));
    if (!time && !person && !action && !summary) continue;
    rows.push({ time: time!, person: person!, action: action!, summary: summary! });
  }
  return rows;
}

/** The row below the last used one; `lastUsedRow` from the sheet's used range (0 when empty). */
export function nextAuditRow(lastUsedRow: number): number {
  return Math.max(AUDIT_LAYOUT.firstRow, lastUsedRow + 1);
}

/**
 * "2025-03-14T09:26:53+08:00": ISO 8601 in local time with the offset from UTC, to the second. The
 * offset is the host's for that instant (so it follows daylight saving time).
 */
export function localIsoTime(date: Date = new Date()): string {
  const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

// Summaries, in the workbook's language.

export const SUMMARIES = {
  /** The Report sheet added or refreshed, with the final score it shows now. */
  report: (refreshed: boolean, finalScore: string): Localised => ({
    zh: `${refreshed ? "更新" : "添加"}报告工作表：最终得分 ${finalScore}`,
    en: `Report sheet ${refreshed ? "refreshed" : "added"}: final score ${finalScore}`,
  }),
  generate: (evaluators: number): Localised => ({
    zh: `生成工作簿：${evaluators} 列评价人`,
    en: `Workbook generated with ${evaluators} evaluator column${evaluators === 1 ? "" : "s"}`,
  }),
  validate: (errors: number, warnings: number): Localised => ({
    zh: `${errors} 个错误，${warnings} 个警告`,
    en: `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  }),
  /** "87.46 三星级", with the cells that disagree with the engine when there are any. */
  compute: (finalScore: number, grade: Localised, differences: number): Localised => {
    const score = finalScore.toFixed(2);
    return differences === 0
      ? { zh: `${score} ${grade.zh}`, en: `${score} ${grade.en}` }
      : {
          zh: `${score} ${grade.zh}；${differences} 个单元格与精确计算不一致`,
          en: `${score} ${grade.en}; ${differences} cell${differences === 1 ? "" : "s"} disagree with the exact computation`,
        };
  },
  finalise: (n: number, finalScore: number, grade: Localised, hash: string): Localised => ({
    zh: `第 ${n} 次定稿：${finalScore.toFixed(2)} ${grade.zh}；录入内容 SHA-256 ${hash.slice(0, 16)}…`,
    en: `Finalisation ${n}: ${finalScore.toFixed(2)} ${grade.en}; entries SHA-256 ${hash.slice(0, 16)}…`,
  }),
  /** With the reason the person gave, when there is one. */
  reopen: (n: number, reason = ""): Localised => {
    const why = reason.trim();
    return {
      zh: `重新开放第 ${n} 次定稿，录入内容已解锁${why ? `；原因：${why}` : ""}`,
      en: `Finalisation ${n} reopened; the inputs are unlocked${why ? `; reason: ${why}` : ""}`,
    };
  },
  approve: (n: number, comment: string): Localised => ({
    zh: `第 ${n} 次定稿审核通过${comment ? `；意见：${comment}` : ""}`,
    en: `Finalisation ${n} approved${comment ? `; comment: ${comment}` : ""}`,
  }),
  return: (n: number, comment: string): Localised => ({
    zh: `第 ${n} 次定稿被退回，录入内容已解锁；意见：${comment}`,
    en: `Finalisation ${n} returned; the inputs are unlocked; comment: ${comment}`,
  }),
  /** "Merged 2 files: 96 entries, 3 notes; columns added: 李四, 暗访 2". */
  merge: (files: readonly string[], entries: number, notes: number, added: readonly string[]): Localised => ({
    zh: `合并 ${files.length} 个工作簿（${files.join("、")}）：${entries} 个评分，${notes} 条备注${added.length > 0 ? `；新增列：${added.join("、")}` : ""}`,
    en: `Merged ${files.length} workbook${files.length === 1 ? "" : "s"} (${files.join(", ")}): ${entries} entr${entries === 1 ? "y" : "ies"}, ${notes} note${notes === 1 ? "" : "s"}${added.length > 0 ? `; columns added: ${added.join(", ")}` : ""}`,
  }),
  verify: (findings: number): Localised =>
    findings === 0
      ? { zh: "未发现问题", en: "Nothing found" }
      : {
          zh: `发现 ${findings} 处问题`,
          en: `${findings} problem${findings === 1 ? "" : "s"} found`,
        },
  /** "B6 张三：70" — the item, whose column, and the value entered. */
  setEntry: (item: string, evaluator: string, value: number): Localised => ({
    zh: `${item} ${evaluator}：${value}`,
    en: `${item} ${evaluator}: ${value}`,
  }),
  setNote: (item: string): Localised => ({ zh: `${item} 的备注`, en: `Note of ${item}` }),
  addEvaluator: (name: string, kind: EvaluatorKind): Localised => ({
    zh: `添加列：${name}（${kind === "visit" ? "暗访" : "审核员"}）`,
    en: `Column added: ${name} (${kind === "visit" ? "visit" : "auditor"})`,
  }),
};
