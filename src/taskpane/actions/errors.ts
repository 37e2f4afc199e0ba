import type { Localised } from "../../spec/types";
import { ActionError } from "../errors";
import type { PaneIssue } from "./types";

export { ActionError, ReferencesAtRiskError } from "../errors";

/**
 * The one refusal of compute, finalise and verify when the workbook's assessment cannot be read:
 * "… cannot be read, so <consequence>. Fix these first.", with the issues that stop the read.
 */
export function unreadableError(consequence: Localised, issues: readonly PaneIssue[]): ActionError {
  return new ActionError(
    {
      zh: `无法读取工作簿中的评估，因此${consequence.zh}。请先修正以下问题。`,
      en: `The assessment in this workbook cannot be read, so ${consequence.en}. Fix these first.`,
    },
    issues,
  );
}
