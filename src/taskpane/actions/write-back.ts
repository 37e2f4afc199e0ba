import type { SheetKey } from "../../workbook/types";
import type { HostContext } from "../excel/host";
import { isEmptyPlan, queueHighlights, type HighlightPlan } from "./highlights";
import { queueUnprotected, restoreProtection } from "./protection";
import type { WorkbookSnapshot } from "./sheets";
import type { PaneIssue } from "./types";

/**
 * An action's second and last request: the highlights (and whatever else the action writes, e.g.
 * compute's engine check), between lifting and restoring the protection of the sheets written to.
 * Nothing is sent when there is nothing to write. A failed write (a sheet protected with a
 * password) does not fail the action, whose findings stand: it comes back as a warning to show.
 */
export async function writeBack(
  context: HostContext,
  snapshot: WorkbookSnapshot,
  plan: HighlightPlan,
  extra?: { sheets: readonly SheetKey[]; queue: () => void },
): Promise<PaneIssue | undefined> {
  if (isEmptyPlan(plan) && !extra) return undefined;
  const lifted = queueUnprotected(snapshot, [...plan.sheets, ...(extra?.sheets ?? [])], () => {
    extra?.queue();
    queueHighlights(plan, snapshot);
  });
  try {
    await context.sync();
    return undefined;
  } catch (error) {
    await restoreProtection(context, lifted);
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
