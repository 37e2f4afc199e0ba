import type { Lang, Localised } from "../../spec/types";
import { readAuditRows, SUMMARIES } from "../../workbook/audit/log";
import { buildWorkbookLayout } from "../../workbook/layout";
import { mergeAssessments, type MergeSource } from "../../workbook/merge";
import type { ReadResult } from "../../workbook/read/workbook";
import type { ApiSupport, HostContext } from "../excel/host";
import { assess } from "./assess";
import { loadForRebuild, rebuildWith } from "./add-evaluator";
import { keptReportSheet, refuseForeignReportBeforeRebuild } from "./report-state";
import { auditEntry, type AuditBy } from "./audit-log";
import { ActionError } from "./errors";
import { isFinalised } from "./finalise";
import type { ChosenFile, MergeReport, PaneIssue } from "./types";

/**
 * Merging the evaluators' workbooks into the open one (issue 12), the pane's `starscore merge`:
 * the open workbook is the lead's (its Info, exclusions, special items, team order and language
 * are kept), the chosen files the evaluators'. The rules are src/workbook/merge.ts's, the same
 * function as the CLI's; the files are read with the CLI's reader (readFiles, before the run).
 *
 * One run: sync 1 reads the workbook as add an evaluator does; refused, with nothing written, when
 * it is finalised, cannot be read, or has entry cells a rebuild would lose; a file refused by
 * mergeAssessments (another catalogue or rules fingerprint, none) or a team too wide refuses the
 * merge. With any conflict nothing is written and the report lists every one. Otherwise the
 * workbook is rebuilt with the merged assessment and the log's rows plus this merge's, in the same
 * run (add-evaluator.ts's rebuildWith).
 */
export interface ReadFile {
  name: string;
  read: ReadResult;
}

/**
 * The chosen files read with src/workbook/xlsx/read.ts, loaded with import() so that the reader is a
 * chunk of its own, fetched only when the user merges.
 */
export async function readFiles(files: readonly ChosenFile[], lang: Lang): Promise<ReadFile[]> {
  const { readXlsx } = await import(/* webpackChunkName: "workbook-reader" */ "../../workbook/xlsx/read");
  const read: ReadFile[] = [];
  for (const file of files) read.push({ name: file.name, read: await readXlsx(file.data, lang) });
  return read;
}

const refusal = (message: Localised): PaneIssue => ({
  code: "workbook-unreadable",
  severity: "error",
  message,
});

export async function mergeWorkbooks(
  context: HostContext,
  supports: ApiSupport,
  files: readonly ReadFile[],
  audit?: AuditBy,
  choice: { breakReferences?: boolean } = {},
): Promise<MergeReport> {
  if (files.length === 0) throw new ActionError(M.noFiles());
  const unreadable = files.flatMap((f) =>
    f.read.ok
      ? f.read.issues.length > 0
        ? [refusal(M.fileIssues(f.name, f.read.issues.length))]
        : []
      : [
          refusal(
            M.notStarScore(
              f.name,
              f.read.problems.map((p) => p.message),
            ),
          ),
        ],
  );
  if (unreadable.length > 0) throw new ActionError(M.cannotMerge(), unreadable);

  const { snapshot, listed } = await loadForRebuild(context);
  const finalised = isFinalised(listed.snapshotSheet);
  if (finalised) throw new ActionError(M.finalised(finalised.finalisedAt, finalised.finalisedBy));
  const assessed = assess(snapshot);
  if (!assessed.ok || assessed.read.issues.length > 0) {
    throw new ActionError(
      M.openUnreadable(),
      assessed.ok
        ? assessed.issues.filter((i) => assessed.read.issues.some((r) => r.cell === i.cell))
        : assessed.issues,
    );
  }
  const { read } = assessed;
  refuseForeignReportBeforeRebuild(listed.report, read, listed.snapshotSheet);
  const lead: MergeSource = {
    file: M.openWorkbook()[read.lang],
    assessment: read.assessment,
    layoutVersion: read.layoutVersion,
    fingerprint: read.fingerprint,
    locator: read.locator,
  };
  const sources: MergeSource[] = [
    lead,
    ...files.map((f) => {
      const r = f.read as Extract<ReadResult, { ok: true }>;
      return {
        file: f.name,
        assessment: r.assessment,
        layoutVersion: r.layoutVersion,
        fingerprint: r.fingerprint,
        locator: r.locator,
      };
    }),
  ];
  const result = mergeAssessments(sources);
  if (!result.ok && result.refused.length > 0) {
    throw new ActionError(M.cannotMerge(), result.refused.map(refusal));
  }
  const warnings = result.warnings.map((w) => w.message);
  if (!result.ok) {
    return {
      merged: false,
      conflicts: result.conflicts.map((c) => ({
        kind: c.kind,
        item: c.item,
        ...(c.evaluator && { evaluator: { name: c.evaluator.name, kind: c.evaluator.kind } }),
        a: c.a,
        b: c.b,
        message: c.message,
      })),
      warnings,
      taken: { entries: 0, notes: 0 },
      added: [],
    };
  }
  const { lang } = read;
  const added = result.added.map((e) => e.name);
  const summary = SUMMARIES.merge(
    files.map((f) => f.name),
    result.taken.entries,
    result.taken.notes,
    added,
  );
  const logGrid = snapshot.sheets.audit?.grid;
  const layout = buildWorkbookLayout({
    lang,
    assessment: result.assessment,
    report: keptReportSheet(listed, lang),
    ...(logGrid && {
      audit: [...readAuditRows(logGrid), ...(audit ? [auditEntry(audit, "merge", summary, lang)] : [])],
    }),
  });
  await rebuildWith(context, supports, listed, layout, choice);
  return { merged: true, conflicts: [], warnings, taken: result.taken, added };
}

const M = {
  noFiles: (): Localised => ({
    zh: "请选择要合并的评价人工作簿（.xlsx）。",
    en: "Choose the evaluators' workbooks (.xlsx) to merge.",
  }),
  cannotMerge: (): Localised => ({ zh: "无法合并：", en: "Cannot merge:" }),
  notStarScore: (file: string, problems: readonly Localised[]): Localised => ({
    zh: `${file} 不是可读取的 StarScore 工作簿：${problems.map((p) => p.zh).join("；")}`,
    en: `${file} is not a StarScore workbook that can be read: ${problems.map((p) => p.en).join("; ")}`,
  }),
  fileIssues: (file: string, n: number): Localised => ({
    zh: `${file} 中有 ${n} 个无法作为评分读取的单元格，合并会丢失它们。请先在该工作簿中修正。`,
    en: `${file} has ${n} entry cell${n === 1 ? "" : "s"} that cannot be read as entries; a merge would lose ${n === 1 ? "it" : "them"}. Fix ${n === 1 ? "it" : "them"} in that workbook first.`,
  }),
  finalised: (at: string, by: string): Localised => ({
    zh: `评估已于 ${at} 由 ${by} 定稿：合并会改变已定稿的录入内容。请先在“定稿”页重新开放。`,
    en: `The assessment was finalised at ${at} by ${by}: a merge would change its finalised entries. Reopen it on the Finalise tab first.`,
  }),
  openUnreadable: (): Localised => ({
    zh: "无法合并：当前工作簿中有无法读取的单元格，重建时会丢失。请先修正以下单元格。",
    en: "Cannot merge: some cells of this workbook cannot be read and would be lost when it is rebuilt. Fix these cells first.",
  }),
  openWorkbook: (): Localised => ({ zh: "当前工作簿", en: "this workbook" }),
};
