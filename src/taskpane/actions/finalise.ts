import { toResultJson } from "../../core/report";
import { GRADES } from "../../spec/grades";
import type { Localised } from "../../spec/types";
import { VERSION } from "../../version";
import { inputCells, rangesOf } from "../../workbook/audit/inputs";
import { AUDIT_LAYOUT, readAuditRows, SUMMARIES } from "../../workbook/audit/log";
import {
  entriesHash,
  headerCells,
  inputsOf,
  latestRecord,
  newRecord,
  nextRecordRow,
  readSnapshot,
  recordCells,
  recordRange,
  reopened,
  resultOf,
  SNAPSHOT_LAYOUT,
  SNAPSHOT_SHEET,
  type LockedSheet,
  type SnapshotData,
  type SnapshotRecord,
} from "../../workbook/audit/snapshot";
import { columnLetter } from "../../workbook/address";
import type { Grid } from "../../workbook/read/grid";
import type { HostContext, HostWorksheet } from "../excel/host";
import { officeGrid } from "../excel/office-grid";
import { PROTECTION } from "../excel/write-workbook";
import { assess } from "./assess";
import {
  approvedRecord,
  returnedRecord,
  REVIEW_MESSAGES,
  reviewStateOf,
  stateRefusal,
  textRefusal,
  type ReviewAction,
} from "../../workbook/audit/review";
import { asText, auditEntry, auditWrite, lastRowOf, queueAuditEnd, type AuditBy } from "./audit-log";
import { ActionError, unreadableError } from "./errors";
import { queueGuarded, restoreProtection, type GuardedSheet } from "./protection";
import { loadWorkbook } from "./load";
import { officeErrorWords } from "../office-errors";
import { INPUT_SHEETS, RANGE_DATA, type FoundSheet, type SheetReads } from "./sheets";
import type { AuditLogRow, FinaliseRecord, FinaliseStatus } from "./types";
import { foldName as fold, isSheetOf, isStarScoreSheet } from "../../workbook/sheet-names";

/**
 * Finalise and reopen (the lead auditor's), and the state the Finalise view shows.
 *
 * finalise: one run, two syncs. Sync 1 reads the input sheets (as validate does), where the audit
 * log ends and the snapshot sheet. Refused, with nothing written, when the workbook cannot be read,
 * when validation finds errors (the ActionError carries them, with their cells), when it is
 * finalised already, or without a name. Sync 2: every input cell of Info, Scoring and Special
 * locked and the three sheets protected (again, with the options each had; with StarScore's when
 * one had been left unprotected); the snapshot's row (the entries, their SHA-256, the engine's
 * result, the ranges locked, who and when) on the very hidden StarScore_Snapshot sheet, added on
 * first use; the audit log's row.
 *
 * reopen: one run, two syncs: unlocks exactly the ranges the latest finalisation locked, marks its
 * row reopened (rows are never removed) and logs. Sheets protected with a password are refused
 * by Excel (the request fails at its first step, before anything is written).
 */
const LOCKED_SHEETS: readonly LockedSheet[] = ["info", "scoring", "special"];

/** The StarScore_Snapshot sheet as the first request found it. */
export interface SnapshotSheet {
  worksheet: HostWorksheet;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  grid: Grid;
}

/**
 * Queues the read of the snapshot sheet (its protection and used range). Like the other reads of
 * the first request it reaches through a null object when the sheet is missing, unless the sheet
 * names were listed first (`present`, on hosts that refuse that: see load.ts).
 */
export function queueSnapshotSheet(
  context: HostContext,
  reads: Pick<SheetReads, "present">,
): () => SnapshotSheet | undefined {
  const { present } = reads;
  if (present && !present.some((name) => fold(name) === fold(SNAPSHOT_SHEET))) return () => undefined;
  const { worksheets } = context.workbook;
  const worksheet = present
    ? worksheets.getItem(SNAPSHOT_SHEET)
    : worksheets.getItemOrNullObject(SNAPSHOT_SHEET);
  worksheet.load("name");
  worksheet.protection.load("protected,options");
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load(RANGE_DATA);
  return () =>
    worksheet.isNullObject
      ? undefined
      : {
          worksheet,
          protected: worksheet.protection.protected,
          options: worksheet.protection.options,
          grid: officeGrid(SNAPSHOT_SHEET, used.isNullObject ? undefined : used),
        };
}

function requirePerson(by: AuditBy, action: Localised): void {
  if (by.person.trim() === "") {
    throw new ActionError({
      zh: `请先在“您的姓名”中填写姓名，再${action.zh}。`,
      en: `Enter your name in "Your name" before you ${action.en}.`,
    });
  }
}

export async function finaliseWorkbook(context: HostContext, by: AuditBy): Promise<FinaliseRecord> {
  requirePerson(by, { zh: "定稿", en: "finalise" });
  const { snapshot, also } = await loadWorkbook(context, INPUT_SHEETS, (reads) => {
    const auditEnd = queueAuditEnd(reads);
    const sheet = queueSnapshotSheet(context, reads);
    return () => ({ auditEnd: auditEnd(), sheet: sheet() });
  });
  const assessed = assess(snapshot);
  if (!assessed.ok) throw unreadableError({ zh: "不能定稿", en: "it cannot be finalised" }, assessed.issues);
  const errors = assessed.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new ActionError(
      {
        zh: `校验发现 ${errors.length} 个错误，不能定稿。请先修正以下错误（警告不妨碍定稿）。`,
        en: `Validation finds ${errors.length} error${errors.length === 1 ? "" : "s"}, so the assessment cannot be finalised. Fix ${errors.length === 1 ? "it" : "them"} first (warnings do not stop it).`,
      },
      errors,
    );
  }
  const existing = also.sheet ? readSnapshot(also.sheet.grid) : { records: [], problems: [] };
  const latest = latestRecord(existing.records);
  if (latest?.status === "finalised") {
    throw new ActionError({
      zh: `评估已于 ${latest.finalisedAt} 由 ${latest.finalisedBy} 定稿。如需修改，请先重新开放。`,
      en: `The assessment was finalised at ${latest.finalisedAt} by ${latest.finalisedBy}. Reopen it first to change it.`,
    });
  }

  const { read, scoring } = assessed;
  const cells = inputCells(read);
  const unlocked = Object.fromEntries(LOCKED_SHEETS.map((key) => [key, rangesOf(cells[key])])) as Record<
    LockedSheet,
    string[]
  >;
  const data: SnapshotData = {
    version: 1,
    starscore: VERSION,
    lang: read.lang,
    inputs: inputsOf(read.assessment),
    result: resultOf(toResultJson(read.assessment, scoring, read.lang)),
    unlocked,
  };
  const row = nextRecordRow(also.sheet?.grid);
  const n = Math.max(latest?.n ?? 0, row - SNAPSHOT_LAYOUT.firstRow) + 1;
  const summary = SUMMARIES.finalise(
    n,
    data.result.finalScore,
    scoring.result.gradeLabel,
    entriesHash(data.inputs),
  );
  const entry = auditEntry(by, "finalise", summary, read.lang);
  const record = newRecord(n, row, { at: entry.time, by: entry.person }, data);
  const log = auditWrite(snapshot, also.auditEnd, entry);

  const inputs = LOCKED_SHEETS.map((key) => snapshot.sheets[key]!);
  const audit = log && snapshot.sheets.audit;
  const existingSheet = also.sheet;
  const guarded: GuardedSheet[] = [
    ...inputs.map((sheet) => ({ ...sheet, protectAfter: true })),
    ...(audit ? [{ ...audit, protectAfter: audit.protected }] : []),
    ...(existingSheet ? [{ ...existingSheet, protectAfter: true }] : []),
  ];
  await writeGuarded(context, guarded, () => {
    for (const sheet of inputs) {
      for (const range of unlocked[sheet.key as LockedSheet]) {
        sheet.worksheet.getRange(range).format.protection.locked = true;
      }
    }
    log?.queue();
    let target = existingSheet?.worksheet;
    if (!target) {
      target = context.workbook.worksheets.add(SNAPSHOT_SHEET);
      const header = headerCells();
      const last = columnLetter(header[0]!.length);
      target.getRange(`A${SNAPSHOT_LAYOUT.labelRow}:${last}${SNAPSHOT_LAYOUT.headerRow}`).values = header.map(
        (cells) => cells.map(asText),
      );
      target.visibility = "VeryHidden";
    }
    target.getRange(recordRange(record)).values = [recordCells(record).map(cellInput)];
    if (!existingSheet) target.protection.protect(PROTECTION);
  });
  return paneRecord(record);
}

/**
 * Reopen (the lead auditor's, with a reason when the view asks for one), or the reviewer's
 * approve or return (with a comment: required to return), of the latest finalisation. One run, two
 * syncs: the snapshot's row rewritten (its checksum anew), the audit log's row, and for reopen and
 * return the inputs finalise locked unlocked again. Refused, with nothing written, as
 * src/workbook/audit/review.ts says (not finalised, approved already, the finaliser reviewing
 * their own work, no name, no comment or reason).
 */
export async function reopenWorkbook(
  context: HostContext,
  by: AuditBy,
  reason?: string,
): Promise<FinaliseRecord> {
  return updateLatest(context, by, "reopen", reason);
}

export async function reviewWorkbook(
  context: HostContext,
  by: AuditBy,
  verdict: "approve" | "return",
  comment: string,
): Promise<FinaliseRecord> {
  return updateLatest(context, by, verdict, comment);
}

async function updateLatest(
  context: HostContext,
  by: AuditBy,
  action: ReviewAction,
  text: string | undefined,
): Promise<FinaliseRecord> {
  requirePerson(by, ACTION_NAMES[action]);
  const { snapshot, also } = await loadWorkbook(context, [], (reads) => {
    const auditEnd = queueAuditEnd(reads);
    const sheet = queueSnapshotSheet(context, reads);
    return () => ({ auditEnd: auditEnd(), sheet: sheet() });
  });
  const sheet = also.sheet;
  const records = sheet ? readSnapshot(sheet.grid).records : [];
  const latest = latestRecord(records);
  const refusal =
    stateRefusal(reviewStateOf(records), action, by.person) ??
    (text === undefined ? undefined : textRefusal(action, text));
  if (!sheet || !latest || refusal) {
    throw new ActionError(refusal ?? REVIEW_MESSAGES.notFinalised(action));
  }
  const comment = text?.trim() ?? "";
  const summary =
    action === "reopen"
      ? SUMMARIES.reopen(latest.n, comment || undefined)
      : SUMMARIES[action](latest.n, comment);
  const entry = auditEntry(by, action, summary, snapshot.lang);
  const when = { at: entry.time, by: entry.person };
  const record =
    action === "approve"
      ? approvedRecord(latest, when, comment)
      : action === "return"
        ? returnedRecord(latest, when, comment)
        : reopened(latest, entry.time, entry.person, text === undefined ? undefined : comment);
  const unlock = action !== "approve";
  const log = auditWrite(snapshot, also.auditEnd, entry);
  const inputs = LOCKED_SHEETS.map((key) => snapshot.sheets[key]).filter(
    (s): s is FoundSheet => s !== undefined,
  );
  const audit = log && snapshot.sheets.audit;
  const guarded: GuardedSheet[] = [
    ...inputs.map((s) => ({ ...s, protectAfter: s.protected })),
    ...(audit ? [{ ...audit, protectAfter: audit.protected }] : []),
    { ...sheet, protectAfter: sheet.protected },
  ];
  await writeGuarded(context, guarded, () => {
    for (const input of unlock ? inputs : []) {
      for (const range of record.data.unlocked[input.key as LockedSheet] ?? []) {
        input.worksheet.getRange(range).format.protection.locked = false;
      }
    }
    log?.queue();
    // The whole row: a review or a reason is kept in the data (only ever longer), under the checksum.
    sheet.worksheet.getRange(recordRange(record)).values = [recordCells(record).map(cellInput)];
  });
  return paneRecord(record);
}

const ACTION_NAMES: Record<ReviewAction, Localised> = {
  reopen: { zh: "重新开放", en: "reopen" },
  approve: { zh: "审核通过", en: "approve" },
  return: { zh: "退回", en: "return" },
};

/**
 * One request: every protected sheet unprotected first (a password stops the request before
 * anything is written), the writes, then protection back on (protection.ts). On failure, sheets
 * left unprotected are protected again and the error says what to do.
 */
async function writeGuarded(
  context: HostContext,
  sheets: readonly GuardedSheet[],
  write: () => void,
): Promise<void> {
  const lifted = queueGuarded(sheets, write);
  try {
    await context.sync();
  } catch (error) {
    await restoreProtection(context, lifted);
    // Office's own message is not for users (office-errors.ts): what its code means instead.
    const detail = officeErrorWords(error) ?? { zh: "", en: "" };
    throw new ActionError({
      zh: `无法写入工作簿。${detail.zh}若工作表设置了密码保护，请先撤销保护（审阅 › 撤销工作表保护）。`,
      en: `Could not write to the workbook. ${detail.en}${detail.en ? " " : ""}If a sheet is protected with a password, unprotect it first (Review › Unprotect Sheet).`,
    });
  }
}

/** A snapshot cell as written: text with an apostrophe, numbers as they are. */
function cellInput(value: string | number): string | number {
  return typeof value === "number" ? value : asText(value);
}

function paneRecord(record: SnapshotRecord): FinaliseRecord {
  return {
    n: record.n,
    status: record.status,
    finalisedAt: record.finalisedAt,
    finalisedBy: record.finalisedBy,
    reopenedAt: record.reopenedAt,
    reopenedBy: record.reopenedBy,
    entriesHash: record.entriesHash,
    finalScore: record.data.result.finalScore,
    gradeLabel: GRADES.find((g) => g.id === record.data.result.grade)?.label ?? {
      zh: record.data.result.grade,
      en: record.data.result.grade,
    },
  };
}

/** How many of the log's rows the Finalise view shows. */
export const STATUS_LOG_ROWS = 10;

/**
 * The Finalise view's state: three syncs, reading only (the sheet names; the snapshot and where
 * the log ends; the log's last rows).
 */
export async function finaliseStatus(context: HostContext): Promise<FinaliseStatus> {
  const { worksheets } = context.workbook;
  worksheets.load("items/name");
  await context.sync();
  const present = worksheets.items.map((s) => s.name);
  const workbook = present.some(isStarScoreSheet);
  const auditName = present.find((name) => isSheetOf("audit", name));
  const snapshotSheet = queueSnapshotSheet(context, { present });
  const auditEnd =
    auditName === undefined ? undefined : worksheets.getItem(auditName).getUsedRangeOrNullObject(true);
  auditEnd?.load("address");
  await context.sync();

  const sheet = snapshotSheet();
  const parsed = sheet ? readSnapshot(sheet.grid) : { records: [], problems: [] };
  const latest = latestRecord(parsed.records);
  let log: AuditLogRow[] = [];
  if (auditName && auditEnd && !auditEnd.isNullObject) {
    const last = lastRowOf(auditEnd.address);
    const from = Math.max(AUDIT_LAYOUT.firstRow, last - STATUS_LOG_ROWS + 1);
    if (last >= from) {
      const range = worksheets
        .getItem(auditName)
        .getRange(`A${from}:D${last}`)
        .getUsedRangeOrNullObject(true);
      range.load(RANGE_DATA);
      await context.sync();
      if (!range.isNullObject) log = readAuditRows(officeGrid(auditName, range), from).reverse();
    }
  }
  return {
    workbook,
    state: latest?.status ?? "draft",
    review: reviewStateOf(parsed.records),
    ...(latest && { record: paneRecord(latest) }),
    hasLog: auditName !== undefined,
    log,
    problems: parsed.problems.map((p) => p.message),
  };
}

/** Whether the snapshot sheet's latest record is finalised (add an evaluator is refused then). */
export function isFinalised(sheet: SnapshotSheet | undefined): SnapshotRecord | undefined {
  const latest = sheet && latestRecord(readSnapshot(sheet.grid).records);
  return latest?.status === "finalised" ? latest : undefined;
}
