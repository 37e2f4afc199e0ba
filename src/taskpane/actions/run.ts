import { MERGE_UNDO_API, type ApiSupport, type RunBatch, type RunOptions } from "../excel/host";
import { ActionError } from "./errors";

/**
 * How the pane's actions call Excel.run (office-host.ts), by what the action does to the workbook:
 *
 * - every run passes `delayForCellEdit: true`: while the user is typing in a cell a batch waits
 *   instead of failing with InvalidOperation (learn.microsoft.com/office/dev/add-ins/excel/
 *   excel-add-ins-delay-in-cell-edit). Background reactions (auto-validation, the inspector
 *   following the selection) need it most; the pane's buttons get it too, since a click in the
 *   pane may come while a cell is still being edited.
 * - "edit" (validate, compute, set an entry): writes values only, all with undo support, so where
 *   ExcelApi 1.20 is available the run's syncs are one undo step (`mergeUndoGroup`). Should Excel
 *   answer UndoNotSupported (a workbook made before today's layout, whose sheets must be lifted:
 *   write-back.ts), the run is made again without the group (excel-add-ins-undo-capabilities:
 *   "Your add-in should gracefully handle this error").
 * - "structure" (generate, add an evaluator, finalise, reopen): adds, deletes, renames or
 *   (un)protects sheets, which clear the user's undo stack anyway: no group; the pane says so
 *   before (i18n `undoCleared`).
 * - "read": reads only.
 *
 * Every run is retried once when it fails with GeneralException or InvalidSelection, the errors
 * that worksheets.add, delete, activate, Range.select, the freeze panes and getActiveCell throw
 * when another workbook gains focus while they run (learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-troubleshooting, "API limitations when the active workbook switches"). Every such
 * action is safe to run again: a failed write request removes what it wrote (write-workbook.ts)
 * or puts protection back (protection.ts). A second failure tells the user to keep the workbook in
 * front.
 */
export type RunKind = "read" | "edit" | "structure";

const SWITCH_ERRORS = new Set(["GeneralException", "InvalidSelection"]);

/** What Excel throws when a grouped run uses an API without undo support (the undo page). */
export const UNDO_NOT_SUPPORTED = "UndoNotSupported";

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export const KEEP_IN_FRONT = {
  zh: "操作进行时另一个工作簿成为了活动工作簿，操作未能完成。请让此工作簿保持在最前面，然后重试。",
  en: "Another workbook came to the front while StarScore was working, so the action could not finish. Keep this workbook in front and try again.",
};

export function runner(run: RunBatch, supports: ApiSupport, kind: RunKind): RunBatch {
  const grouped = kind === "edit" && supports(MERGE_UNDO_API);
  const plain: RunOptions = { delayForCellEdit: true };
  const options: RunOptions = { ...plain, ...(grouped && { mergeUndoGroup: true }) };
  const once: RunBatch = async (batch) => {
    try {
      return await run(batch, options);
    } catch (error) {
      if (!grouped || errorCode(error) !== UNDO_NOT_SUPPORTED) throw error;
      return run(batch, plain);
    }
  };
  return async (batch) => {
    try {
      return await once(batch);
    } catch (error) {
      if (!SWITCH_ERRORS.has(errorCode(error) ?? "")) throw error;
    }
    try {
      return await once(batch);
    } catch (error) {
      if (!SWITCH_ERRORS.has(errorCode(error) ?? "")) throw error;
      throw new ActionError(KEEP_IN_FRONT);
    }
  };
}
