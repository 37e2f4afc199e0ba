import { MERGE_UNDO_API, TRIGGER_SOURCE_API } from "./host";
import { PRINT_API } from "./print";

/**
 * The Office.js requirement sets StarScore relies on, as data that
 * test/taskpane/excel/api-sets.test.ts checks against @types/office-js and the code against:
 *
 * - Every member at or below MANIFEST_EXCEL_API may be used anywhere: manifest.xml requires it, so
 *   Office installs the add-in only where it is supported ("Specify Office applications and API
 *   requirements with the add-in only manifest", learn.microsoft.com).
 * - Every member above it, or in another requirement set, is listed in GUARDED_MEMBERS with the
 *   version its `supports(version)` check (ApiSupport, host.ts) tests, and every use of it sits
 *   under such a check (or in a function only called under one).
 * - HOST_TYPES says which Excel type each root of host.ts's structural types stands for; the
 *   test follows members from there, so a member added to a Host* interface needs no entry here
 *   unless it is above the base set.
 */

/** manifest.xml's `<Set Name="ExcelApi" MinVersion="1.8"/>`. */
export const MANIFEST_EXCEL_API = "1.8";

/**
 * How a member above the base set is protected: the ExcelApi version a `supports(…)` check tests,
 * or, for a member outside ExcelApi that the code detects at run time, why that is enough.
 */
export type MemberGuard = string | { readonly featureDetected: string };

/**
 * Office.js member (as @types/office-js names it) → its guard. One line per member: the test fails
 * on a member above MANIFEST_EXCEL_API that is missing here, on a guard below the member's
 * `[Api set: …]`, on a use outside its guard, and on a line no code needs any more.
 */
export const GUARDED_MEMBERS: Readonly<Record<string, MemberGuard>> = {
  // ExcelApi 1.9: screen updating, the filter buttons and the page setup (print.ts).
  "Excel.Application.suspendScreenUpdatingUntilNextSync": PRINT_API,
  "Excel.Worksheet.autoFilter": PRINT_API,
  "Excel.AutoFilter.apply": PRINT_API,
  "Excel.Worksheet.pageLayout": PRINT_API,
  "Excel.PageLayout.orientation": PRINT_API,
  "Excel.PageLayout.paperSize": PRINT_API,
  "Excel.PageLayout.zoom": PRINT_API,
  "Excel.PageLayoutZoomOptions.horizontalFitToPages": PRINT_API,
  "Excel.PageLayoutZoomOptions.verticalFitToPages": PRINT_API,
  "Excel.PageLayout.setPrintArea": PRINT_API,
  "Excel.PageLayout.setPrintTitleRows": PRINT_API,
  "Excel.PageLayout.topMargin": PRINT_API,
  "Excel.PageLayout.bottomMargin": PRINT_API,
  "Excel.PageLayout.leftMargin": PRINT_API,
  "Excel.PageLayout.rightMargin": PRINT_API,
  "Excel.PageLayout.headerMargin": PRINT_API,
  "Excel.PageLayout.footerMargin": PRINT_API,
  // ExcelApi 1.14: which add-in's request changed the workbook (events.ts drops the pane's own).
  "Excel.WorksheetChangedEventArgs.triggerSource": TRIGGER_SOURCE_API,
  // ExcelApi 1.20: an action's syncs as one undo step (actions/run.ts).
  "Excel.RunOptions.mergeUndoGroup": MERGE_UNDO_API,
  // Outlook's roaming settings (Mailbox 1.1) are not in Excel: audit-log.ts finds them undefined
  // and keeps the person's name in localStorage.
  "Office.Context.roamingSettings": { featureDetected: "audit-log.ts: undefined in Excel → localStorage" },
  "Office.RoamingSettings.get": { featureDetected: "audit-log.ts: only when roamingSettings exists" },
  "Office.RoamingSettings.set": { featureDetected: "audit-log.ts: only when roamingSettings exists" },
  "Office.RoamingSettings.saveAsync": { featureDetected: "audit-log.ts: only when roamingSettings exists" },
};

/**
 * The roots of host.ts's structural types and the Excel types they stand for. Add a line for a
 * Host* interface that no other one leads to (the test names it), e.g. run options.
 */
export const HOST_TYPES: Readonly<Record<string, string>> = {
  HostContext: "Excel.RequestContext",
  // Excel.run's options (host.ts RunOptions), given to Excel.run beside the batch.
  RunOptions: "Excel.RunOptions",
  // Written through a setter (HostRange.dataValidation.rule), which the walk does not follow.
  HostValidationRule: "Excel.DataValidationRule",
};
