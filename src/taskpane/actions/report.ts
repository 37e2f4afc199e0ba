import { reportModel, type ReportModel } from "../../report/model";
import { SUMMARIES } from "../../workbook/audit/log";
import { reviewStateOf } from "../../workbook/audit/review";
import { readSnapshot, SNAPSHOT_SHEET } from "../../workbook/audit/snapshot";
import { expectedLayout } from "../../workbook/integrity/verify";
import { foldName as fold, isStarScoreSheet } from "../../workbook/sheet-names";
import type { WorkbookLayout } from "../../workbook/types";
import type { ApiSupport, HostContext } from "../excel/host";
import { writeLayout } from "../excel/write-workbook";
import { referencesToSheets } from "./add-evaluator";
import { assess } from "./assess";
import { auditEntry, auditWrite, queueAuditEnd, type AuditBy } from "./audit-log";
import { ActionError, ReferencesAtRiskError, unreadableError } from "./errors";
import { queueSnapshotSheet, type SnapshotSheet } from "./finalise";
import { loadWorkbook } from "./load";
import { queueUnprotected } from "./protection";
import { queueReportSheets, refuseForeignReport, sheetState } from "./report-state";
import { INPUT_SHEETS, type WorkbookSnapshot } from "./sheets";
import type { ReportResult } from "./types";

/**
 * The pane's "report" (issue 13): adds the Report sheet (报告 / Report, src/workbook/sheets/report.ts)
 * to the open StarScore workbook, or refreshes it, and gives the report model for the .docx the
 * pane builds in the browser. One Excel.run:
 *
 * 1. one read sync: the input sheets, the audit log's end, the snapshot (the review state the
 *    sheet prints), the sheet list, and the Report sheet's cells when it is there;
 * 2. on a refresh, when the workbook has sheets of the user's own, one more read sync: their
 *    formulas that refer to the Report sheet (rewriting it would turn them into #REF!), refused
 *    with ReferencesAtRiskError;
 * 3. writeLayout with the Report sheet alone: the old sheet set aside, the new one written, the old
 *    one deleted last (and put back should the request fail), with the audit log's row in the same
 *    request; then the optional page setup (ExcelApi 1.9).
 *
 * A sheet named 报告 / Report is StarScore's when its A1 holds the report's title (either language)
 * and it holds nothing outside the cells the layout writes; anything else is the user's, and the
 * action is refused rather than write over it.
 *
 * A finalised (or approved) workbook is not refused: the Report sheet is no input. Its cells are
 * formulas over the locked sheets and labels, the finalisation's entries and snapshot are not
 * touched (no input sheet is unprotected or written), and a finalised assessment is exactly the
 * one whose report is to be printed and signed. The state line then says it is finalised.
 */
export async function reportSheet(
  context: HostContext,
  supports: ApiSupport,
  audit?: AuditBy,
): Promise<ReportResult> {
  const { worksheets } = context.workbook;
  const { snapshot, store, also } = await loadWorkbook(context, [...INPUT_SHEETS, "audit"], (reads) => {
    worksheets.load("items/name");
    const snapshotSheet = queueSnapshotSheet(context, reads);
    const auditEnd = queueAuditEnd(reads);
    const existing = queueReportSheets(context, reads.present);
    return () => ({
      sheets: worksheets.items.map((s) => s.name),
      snapshotSheet: snapshotSheet(),
      auditEnd: auditEnd(),
      existing: existing(),
    });
  });

  const { assessment, lang, geometry, review, model } = reportFrom(snapshot, also.snapshotSheet);
  const layout = expectedLayout(assessment, lang, geometry, sheetState(review, lang));
  const spec = layout.sheets.find((s) => s.key === "report")!;

  // The Report sheet there is (in either language), and whether it is StarScore's.
  const found = also.existing[0];
  if (found) {
    refuseForeignReport([found], spec);
    const { references, unchecked } = await referencesToSheets(
      context,
      [found.worksheet.name, ...also.sheets.filter((name) => !isOurs(name))],
      [],
    );
    if (references.length > 0 || unchecked.length > 0) throw new ReferencesAtRiskError(references, unchecked);
  }

  // The audit log's row, queued first: writeLayout's request carries it.
  const row =
    audit &&
    auditWrite(
      snapshot,
      also.auditEnd,
      auditEntry(audit, "report", SUMMARIES.report(found !== undefined, model.finalScore), lang),
    );
  if (row) queueUnprotected(snapshot, store.present ? [] : row.sheets, row.queue);

  const sheetLayout: WorkbookLayout = {
    ...layout,
    sheets: [spec],
    names: layout.names.filter((n) => n.ref.startsWith(`'${spec.name.replace(/'/g, "''")}'!`)),
  };
  await writeLayout(
    context,
    sheetLayout,
    supports,
    found && { sheets: [found.worksheet.name], names: [], taken: also.sheets },
  );
  return { sheet: spec.name, refreshed: found !== undefined, model };
}

/**
 * The assessment report the Report sheet and the .docx show, from a read of the input sheets and
 * the finalisation snapshot (the review state). Refused when the workbook cannot be read, or when
 * an entry cannot be (the report would take it as blank).
 */
function reportFrom(snapshot: WorkbookSnapshot, snapshotSheet: SnapshotSheet | undefined) {
  const assessed = assess(snapshot);
  if (!assessed.ok) {
    throw unreadableError({ zh: "无法生成报告", en: "the report cannot be made" }, assessed.issues);
  }
  if (assessed.read.issues.length > 0) {
    throw new ActionError(
      {
        zh: "无法生成报告：以下录入无法读取，报告会把它们当作空白。请先修正这些单元格。",
        en: "Cannot make the report: these entries cannot be read, and the report would take them as blank. Fix these cells first.",
      },
      assessed.issues.filter((i) => assessed.read.issues.some((r) => r.cell === i.cell)),
    );
  }
  const { assessment, lang, geometry } = assessed.read;
  const records = snapshotSheet ? readSnapshot(snapshotSheet.grid).records : [];
  const review = reviewStateOf(records);
  const model = reportModel(assessment, assessed.scoring, { review }, lang);
  return { assessment, lang, geometry, review, model };
}

/**
 * The report model alone, for the .docx the pane builds (ReportSection): one Excel.run, one read
 * sync of the input sheets and the snapshot, nothing written, so the file shows the workbook as it
 * is when it is downloaded, not as it was at the last Report click.
 */
export async function reportModelInPane(context: HostContext): Promise<ReportModel> {
  const { snapshot, also } = await loadWorkbook(context, INPUT_SHEETS, (reads) =>
    queueSnapshotSheet(context, reads),
  );
  return reportFrom(snapshot, also).model;
}

/** StarScore's own sheets, the snapshot among them: no formula of the user's is there. */
const isOurs = (name: string) => isStarScoreSheet(name) || fold(name) === fold(SNAPSHOT_SHEET);
