import type { HostContext } from "../excel/host";
import type { QueuedWrite } from "./audit-log";
import { queueHighlights, type HighlightPlan, type Store } from "./highlights";
import { queueUnprotected, restoreProtection } from "./protection";
import { errorCode, UNDO_NOT_SUPPORTED } from "./run";
import type { WorkbookSnapshot } from "./sheets";
import type { PaneIssue } from "./types";

/**
 * An explicit action's second and last request (Validate, Compute): the highlight store and
 * whatever else the action writes (compute's engine check, the audit log's row). In a workbook of
 * today's layout every one of those cells is unlocked (src/workbook/highlight-marks.ts), so the
 * request writes values only and lifts no protection: the user's undo stack survives, and the
 * request is one entry on it. A workbook made before that layout has them locked: its sheets are
 * lifted and protected again around the write, which clears the undo stack (the only case left;
 * background reactions never write at all). Nothing is sent when there is nothing to write. A
 * failed write (a sheet protected with a password) does not fail the action, whose findings stand:
 * it comes back as a warning to show.
 */
export async function writeBack(
  context: HostContext,
  snapshot: WorkbookSnapshot,
  store: Store,
  plan: HighlightPlan,
  extra?: QueuedWrite,
): Promise<PaneIssue | undefined> {
  if (!plan.store && !extra) return undefined;
  const lift = extra && !store.present ? extra.sheets : [];
  const lifted = queueUnprotected(snapshot, lift, () => {
    extra?.queue();
    queueHighlights(plan, snapshot);
  });
  try {
    await context.sync();
    return undefined;
  } catch (error) {
    await restoreProtection(context, lifted);
    // Not the workbook's refusal but the undo group's (run.ts makes the run again without it).
    if (errorCode(error) === UNDO_NOT_SUPPORTED) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    return {
      code: "workbook-not-written",
      severity: "warning",
      message: {
        zh: `无法在工作簿中标记问题单元格或写入核对结果（${detail}）。若工作表设置了密码保护，请先撤销保护（审阅 › 撤销工作表保护）。`,
        en: `Could not mark the cells at fault or write the check into the workbook (${detail}). If a sheet is protected with a password, unprotect it first (Review › Unprotect Sheet).`,
      },
    };
  }
}

/** Said once per action when a workbook has issues to highlight but no highlight store. */
export const NO_HIGHLIGHTS: PaneIssue = {
  code: "highlights-unavailable",
  severity: "warning",
  message: {
    zh: "此工作簿由较早版本的 StarScore 生成：问题单元格只在此列出，不在工作表中标记。添加一位评价人（会重建工作簿）或运行 starscore convert --upgrade 后即可标记。",
    en: "This workbook was made by an earlier StarScore: the cells at fault are listed here but not marked in the sheets. Add an evaluator (which rebuilds the workbook) or run starscore convert --upgrade to get them marked.",
  },
};
