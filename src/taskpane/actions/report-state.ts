import { REPORT_WORDS } from "../../report/words";
import type { Lang } from "../../spec/types";
import { reviewStateOf, type ReviewState } from "../../workbook/audit/review";
import { readSnapshot } from "../../workbook/audit/snapshot";
import type { ReportSheetState } from "../../workbook/context";
import type { Grid } from "../../workbook/read/grid";
import { cellRef, columnLetter } from "../../workbook/address";
import { expectedLayout } from "../../workbook/integrity/verify";
import { SHEET_NAMES } from "../../workbook/labels";
import type { ReadResult } from "../../workbook/read/workbook";
import { foldName as fold, isSheetOf } from "../../workbook/sheet-names";
import { REPORT_HELPER_COLUMN, REPORT_HELPER_ROWS, REPORT_SHEET_WORDS } from "../../workbook/sheets/report";
import type { SheetSpec } from "../../workbook/types";
import type { HostContext, HostDataRange } from "../excel/host";
import { rangeOrigin } from "../excel/office-grid";
import { ActionError } from "./errors";

/**
 * What the Report sheet prints of the review state (its one constant beside the labels): the
 * state with who and when, the reviewer and the date to sign, as the report model has them.
 */
export function sheetState(review: ReviewState, lang: Lang): ReportSheetState {
  const reviewed = review.state === "approved" || review.state === "returned";
  const finalised = review.state === "finalised" || review.state === "approved";
  const by = reviewed
    ? `${review.reviewedBy ?? ""} ${review.reviewedAt ?? ""}`.trim()
    : finalised
      ? `${review.finalisedBy ?? ""} ${review.finalisedAt ?? ""}`.trim()
      : "";
  const label = REPORT_WORDS.state[review.state][lang];
  return {
    state: by ? `${label}${lang === "zh" ? "：" : ": "}${by}` : label,
    reviewer: (reviewed && review.reviewedBy) || "",
    date: ((reviewed && review.reviewedAt) || review.finalisedAt || "").slice(0, 10),
  };
}

/**
 * A rebuild (add an evaluator, merge) keeps the Report sheet when the workbook has one: the old
 * sheet is replaced with the rest (its formulas refer to the sheets being rebuilt), so the new
 * layout has it too, with the snapshot's state. Undefined when the workbook has none.
 */
export function keptReportSheet(
  listed: { sheets: readonly { name: string }[]; snapshotSheet?: { grid: Grid } },
  lang: Lang,
): ReportSheetState | undefined {
  if (!listed.sheets.some((s) => isSheetOf("report", s.name))) return undefined;
  const records = listed.snapshotSheet ? readSnapshot(listed.snapshotSheet.grid).records : [];
  return sheetState(reviewStateOf(records), lang);
}

/** The part of a Report sheet that is read to tell StarScore's from the user's: columns A–Z, 400 rows. */
const REPORT_AREA = `A1:${columnLetter(26)}400`;

type FormulaRange = HostDataRange & { readonly formulas: unknown[][] };

/** A sheet named 报告 / Report in the workbook, as read to tell whether it is StarScore's. */
export interface ExistingReportSheet {
  worksheet: { readonly name: string; readonly isNullObject: boolean };
  used: FormulaRange;
  extent: HostDataRange;
}

/**
 * Queues, in the action's first read, the sheets named 报告 / Report (either language) there are:
 * their cells in REPORT_AREA and their whole extent. `present` is the sheet list when the read
 * already knows it (load.ts); otherwise each is asked for as a null object.
 */
export function queueReportSheets(
  context: HostContext,
  present: readonly string[] | undefined,
): () => ExistingReportSheet[] {
  const { worksheets } = context.workbook;
  const existing = [SHEET_NAMES.report.zh, SHEET_NAMES.report.en]
    .filter((name) => !present || present.some((p) => fold(p) === fold(name)))
    .map((name) => {
      const worksheet = present ? worksheets.getItem(name) : worksheets.getItemOrNullObject(name);
      worksheet.load("name");
      const used = worksheet.getRange(REPORT_AREA).getUsedRangeOrNullObject(true);
      used.load("address,formulas");
      const extent = worksheet.getUsedRangeOrNullObject(true);
      extent.load("address");
      return { worksheet, used: used as FormulaRange, extent };
    });
  return () => existing.filter((e) => !e.worksheet.isNullObject);
}

/**
 * A sheet named 报告 / Report is StarScore's when its A1 holds the report's title (either language)
 * and it holds nothing outside the cells the layout writes (`spec`); anything else is the user's.
 * Refused, with the first such cell named, so that nothing of theirs is written over: by the pane's
 * report, and by a rebuild (add an evaluator, merge), which would replace the sheet with the rest.
 */
export function refuseForeignReport(
  existing: readonly ExistingReportSheet[],
  spec: SheetSpec | undefined,
): void {
  for (const found of existing) {
    const foreign = spec ? userCells(found, spec) : "A1";
    if (foreign === undefined) continue;
    throw new ActionError({
      zh: `工作簿中已有名为“${found.worksheet.name}”的工作表，但它不是 StarScore 的报告工作表（${foreign}）。StarScore 不会覆盖它：请将其重命名或移走后再试。`,
      en: `The workbook has a sheet named "${found.worksheet.name}" that is not StarScore's Report sheet (${foreign}). StarScore will not write over it: rename or move it, then try again.`,
    });
  }
}

/**
 * Before a rebuild: the Report sheet the workbook has must be StarScore's, as laid out for the
 * workbook as it was read (its assessment, its tables' sizes and its review state).
 */
export function refuseForeignReportBeforeRebuild(
  existing: readonly ExistingReportSheet[],
  read: Pick<Extract<ReadResult, { ok: true }>, "assessment" | "lang" | "geometry">,
  snapshotSheet: { grid: Grid } | undefined,
): void {
  if (existing.length === 0) return;
  const records = snapshotSheet ? readSnapshot(snapshotSheet.grid).records : [];
  const layout = expectedLayout(
    read.assessment,
    read.lang,
    read.geometry,
    sheetState(reviewStateOf(records), read.lang),
  );
  refuseForeignReport(
    existing,
    layout.sheets.find((s) => s.key === "report"),
  );
}

/** Why a Report sheet is not StarScore's (a cell, or the extent beyond REPORT_AREA); undefined when it is. */
function userCells(found: ExistingReportSheet, spec: SheetSpec): string | undefined {
  const { used, extent } = found;
  if (used.isNullObject) return extent.isNullObject ? undefined : `${extent.address}`;
  if (extent.address !== used.address) return extent.address.slice(extent.address.lastIndexOf("!") + 1);
  const origin = rangeOrigin(used.address);
  const a1 = origin.row === 1 && origin.column === 1 ? used.formulas[0]?.[0] : undefined;
  if (!Object.values(REPORT_SHEET_WORDS.title).some((title) => title === a1)) return "A1";
  // The layout's cells, and the whole hidden helper column's rows (an earlier build filled each).
  const ours = new Set([
    ...spec.cells.map((c) => c.ref),
    ...Array.from({ length: REPORT_HELPER_ROWS }, (_, i) => `${REPORT_HELPER_COLUMN}${i + 1}`),
  ]);
  for (let r = 0; r < used.formulas.length; r++) {
    const cells = used.formulas[r]!;
    for (let c = 0; c < cells.length; c++) {
      const ref = cellRef(origin.column + c, origin.row + r);
      if (cells[c] !== "" && cells[c] !== null && !ours.has(ref)) return ref;
    }
  }
  return undefined;
}
