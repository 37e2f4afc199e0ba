import { REPORT_WORDS } from "../../report/words";
import type { Lang } from "../../spec/types";
import { reviewStateOf, type ReviewState } from "../../workbook/audit/review";
import { readSnapshot } from "../../workbook/audit/snapshot";
import type { ReportSheetState } from "../../workbook/context";
import type { Grid } from "../../workbook/read/grid";
import { isSheetOf } from "../../workbook/sheet-names";

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
