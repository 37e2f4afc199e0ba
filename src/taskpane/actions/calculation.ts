import type { HostContext } from "../excel/host";
import type { PaneIssue } from "./types";

/**
 * Excel's calculation mode (Application.calculationMode, ExcelApi 1.1 to read; a setting of the
 * application, not saved in the workbook, @types/office-js). In Manual mode Excel "recalculates
 * only when the user or add-in requests it" (learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-workbooks, "Set calculation mode"), so the formula results compute and verify read
 * may be stale: comparing them with the engine would report differences that are not there.
 *
 * The pane does not recalculate for the user (Application.calculate recalculates every open
 * workbook, and a user who chose Manual has heavy workbooks open): it leaves the comparison out and
 * says so. "AutomaticExceptTables" is automatic for StarScore's sheets, which hold no tables.
 */
export type Calculation = "automatic" | "manual";

/** Queues the read of the mode in the action's first request; read it after the sync. */
export function queueCalculationMode(context: HostContext): () => Calculation {
  const application = context.application;
  application.load("calculationMode");
  return () => (application.calculationMode === "Manual" ? "manual" : "automatic");
}

export const MANUAL_CALCULATION: PaneIssue = {
  code: "manual-calculation",
  severity: "warning",
  message: {
    zh: "Excel 处于手动计算模式：工作表中的公式结果可能未更新，因此未与引擎核对。请按 F9（公式 › 开始计算）后再计算一次。得分与等级为引擎的结果。",
    en: "Excel is in manual calculation: the sheet's formula results may be out of date, so they were not checked against the engine. Press F9 (Formulas › Calculate Now) and compute again. The score and grade shown are the engine's.",
  },
};
