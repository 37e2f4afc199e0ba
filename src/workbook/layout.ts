import { buildAuditSheet, type AuditRow } from "./audit/log";
import { hasPlanSheet, hasReportSheet, layoutContext, type LayoutOptions as SheetOptions } from "./context";
import { withPaneWrites } from "./highlight-marks";
import { buildInfoSheet, LAYOUT_VERSION } from "./sheets/info";
import { buildPlanSheet } from "./sheets/plan";
import { buildReportSheet } from "./sheets/report";
import { buildRulesSheet } from "./sheets/rules";
import { buildScoringSheet } from "./sheets/scoring";
import { buildSpecialSheet } from "./sheets/special";
import { buildSummarySheet } from "./sheets/summary";
import type { WorkbookLayout } from "./types";

export type LayoutOptions = SheetOptions & {
  /** The audit log's rows (src/workbook/audit/log.ts), oldest first; none by default. */
  audit?: readonly AuditRow[];
};

/** The whole StarScore workbook for an assessment, in the order its sheets appear. */
export function buildWorkbookLayout(options: LayoutOptions): WorkbookLayout {
  const ctx = layoutContext(options);
  const built = [
    buildInfoSheet,
    buildScoringSheet,
    buildSpecialSheet,
    buildSummarySheet,
    ...(hasPlanSheet(options) ? [buildPlanSheet] : []),
    ...(hasReportSheet(options) ? [buildReportSheet] : []),
    buildRulesSheet,
  ].map((build) => build(ctx));
  built.push(buildAuditSheet(ctx, options.audit));
  // The cells and conditional formats the task pane writes through (src/workbook/highlight-marks.ts).
  return withPaneWrites({
    lang: options.lang,
    layoutVersion: LAYOUT_VERSION,
    sheets: built.map((b) => b.sheet),
    names: built.flatMap((b) => b.names),
  });
}
